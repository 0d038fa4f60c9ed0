package io.parley.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;

/**
 * Every REST method of the war that is deployed, read from the war itself (its classes and their JAX-RS annotations),
 * with the access rule it declares — so a test covers every endpoint, including ones added later, without a list.
 */
public final class DeployedEndpoints {

    private DeployedEndpoints() {
    }

    /** One REST method: its HTTP method, its path (parameters in braces) and who it says may call it. */
    public record Endpoint(String method, String path, boolean isPublic, Set<String> roles, String declaredBy) {

        public boolean allows(String role) {
            return isPublic || roles.contains(role);
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + declaredBy + ")";
        }
    }

    public static List<Endpoint> of(Path war) {
        try {
            Path unpacked = unpack(war);
            List<URL> classpath = new ArrayList<>();
            classpath.add(unpacked.resolve("WEB-INF/classes").toUri().toURL());
            try (Stream<Path> jars = Files.list(unpacked.resolve("WEB-INF/lib"))) {
                for (Path jar : jars.toList()) {
                    classpath.add(jar.toUri().toURL());
                }
            }
            try (URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new), DeployedEndpoints.class.getClassLoader());
                 Stream<Path> classFiles = Files.walk(unpacked.resolve("WEB-INF/classes"))) {
                List<Class<?>> classes = new ArrayList<>();
                for (Path file : classFiles.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = unpacked.resolve("WEB-INF/classes").relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    classes.add(Class.forName(name, false, loader));
                }
                String root = classes.stream().map(c -> c.getAnnotation(ApplicationPath.class)).filter(a -> a != null)
                        .map(ApplicationPath::value).findFirst().orElseThrow(() -> new AssertionError("No @ApplicationPath in the war"));
                List<Endpoint> endpoints = new ArrayList<>();
                for (Class<?> type : classes) {
                    jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
                    if (classPath == null) {
                        continue;
                    }
                    for (Method method : type.getDeclaredMethods()) {
                        httpMethod(method).ifPresent(verb -> endpoints.add(endpoint(root, classPath.value(), type, method, verb)));
                    }
                }
                return endpoints;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Endpoint endpoint(String root, String classPath, Class<?> type, Method method, String verb) {
        jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
        String path = "/" + Stream.of(root, classPath, methodPath == null ? "" : methodPath.value())
                .map(p -> p.replaceAll("^/+|/+$", "")).filter(p -> !p.isEmpty()).reduce((a, b) -> a + "/" + b).orElse("");
        String declaredBy = type.getSimpleName() + "." + method.getName();
        Rule rule = Rule.of(method).orElseGet(() -> Rule.of(type).orElse(new Rule(false, Set.of())));
        return new Endpoint(verb, path, rule.isPublic, rule.roles, declaredBy);
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private record Rule(boolean isPublic, Set<String> roles) {
        static Optional<Rule> of(AnnotatedElement element) {
            if (element.isAnnotationPresent(DenyAll.class)) {
                return Optional.of(new Rule(false, Set.of()));
            }
            if (element.isAnnotationPresent(PermitAll.class)) {
                return Optional.of(new Rule(true, Set.of()));
            }
            RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
            return roles == null ? Optional.empty() : Optional.of(new Rule(false, Set.of(roles.value())));
        }
    }

    private static Path unpack(Path war) throws IOException {
        Path target = Files.createTempDirectory("parley-war");
        try (JarFile jar = new JarFile(war.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Entry outside the war: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(jar.getInputStream(entry), out);
                }
            }
        }
        return target;
    }
}
