package io.parley.push.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the TypeScript wire catalogue (protocol/src, the package {@code @parley/protocol} that the widget and the
 * console import) and the server's frames in step: every frame name on one side must be on the other.
 *
 * <p>Both sides are read as source text with regular expressions, not compiled or loaded: the TypeScript lists are the
 * {@code export const <name> = [...] as const} arrays; the server sends the {@code ServerFrame.event("...")} names of
 * {@link Frames} plus the names {@link ServerFrame} builds itself ({@code ack}, {@code error}); it reads the
 * {@code case "..."} labels of {@code VisitorChannel.receive} ({@code /ws/chat}) and of {@code AgentEndpoint.onMessage}
 * ({@code /ws/agent}), plus the {@code agent_auth} that {@code AgentEndpoint} checks before its switch. The server does
 * not say which socket an event goes to, so server frames are compared as the union of both sockets' lists. Paths are
 * relative to the web module, where Maven runs the tests.
 */
class WireCatalogueTest {

    private static final Path CATALOGUE = Path.of("..", "protocol", "src");
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "parley");
    private static final Path FRAMES = SOURCES.resolve("push/boundary/Frames.java");
    private static final Path SERVER_FRAME = SOURCES.resolve("push/boundary/ServerFrame.java");
    private static final Path VISITOR_CHANNEL = SOURCES.resolve("chat/boundary/VisitorChannel.java");
    private static final Path AGENT_ENDPOINT = SOURCES.resolve("inbox/boundary/AgentEndpoint.java");

    private static final Pattern EVENT = Pattern.compile("ServerFrame\\.event\\(\\s*\"([a-z_]+)\"");
    private static final Pattern OWN_FRAME = Pattern.compile("new ServerFrame\\(\\s*\"([a-z_]+)\"");
    private static final Pattern CASE = Pattern.compile("case\\s+((?:\"[a-z_]+\"\\s*,\\s*)*\"[a-z_]+\")\\s*->");
    private static final Pattern AUTH_FRAME = Pattern.compile("\"([a-z_]+)\"\\.equals\\(\\s*frame\\.type\\(\\)\\s*\\)");
    private static final Pattern NAME = Pattern.compile("['\"]([a-z_]+)['\"]");

    @Test
    void theCatalogueListsExactlyTheFramesTheServerSends() {
        Set<String> server = matches(EVENT, read(FRAMES), FRAMES);
        Set<String> own = matches(OWN_FRAME, read(SERVER_FRAME), SERVER_FRAME);
        assertThat(own).as("the frames ServerFrame.java builds itself").contains("ack", "error");
        server.addAll(own);
        Set<String> catalogue = catalogueList("visitorServerFrames");
        catalogue.addAll(catalogueList("agentServerFrames"));

        assertSameNames(server, "sent by the server (ServerFrame.event(\"...\") in Frames.java, ack and error in ServerFrame.java)",
                catalogue, "listed in visitorServerFrames or agentServerFrames (" + CATALOGUE + ")");
    }

    @Test
    void theVisitorsFramesAreTheOnesVisitorChannelReads() {
        assertSameNames(caseLabels(VISITOR_CHANNEL, "void receive("), "read by VisitorChannel.receive (a case of its switch, /ws/chat)",
                catalogueList("visitorClientFrames"), "listed in visitorClientFrames (" + CATALOGUE + ")");
    }

    @Test
    void theAgentsFramesAreTheOnesAgentEndpointReads() {
        Set<String> server = caseLabels(AGENT_ENDPOINT, "void onMessage(");
        server.addAll(matches(AUTH_FRAME, read(AGENT_ENDPOINT), AGENT_ENDPOINT));
        assertThat(server).as("AgentEndpoint's first frame, checked before its switch").contains("agent_auth");

        assertSameNames(server, "read by AgentEndpoint (agent_auth, then a case of onMessage's switch, /ws/agent)",
                catalogueList("agentClientFrames"), "listed in agentClientFrames (" + CATALOGUE + ")");
    }

    /** Both directions at once, each failure naming the frames that one side has and the other lacks. */
    private static void assertSameNames(Set<String> server, String serverSide, Set<String> catalogue, String catalogueSide) {
        assertSoftly(both -> {
            both.assertThat(minus(server, catalogue)).as("frames %s, but not %s", serverSide, catalogueSide).isEmpty();
            both.assertThat(minus(catalogue, server)).as("frames %s, but not %s", catalogueSide, serverSide).isEmpty();
        });
    }

    /** The names in {@code export const <list> = [...] as const} of the one file of protocol/src that declares it. */
    private static Set<String> catalogueList(String list) {
        Pattern declaration = Pattern.compile("export\\s+const\\s+" + list + "\\s*=\\s*\\[([^\\]]*)\\]\\s*as\\s+const");
        Set<String> names = new TreeSet<>();
        int found = 0;
        for (Path file : typeScriptFiles()) {
            Matcher m = declaration.matcher(withoutComments(read(file)));
            while (m.find()) {
                found++;
                names.addAll(matches(NAME, m.group(1), file));
            }
        }
        assertThat(found).as("declarations of %s in %s", list, CATALOGUE).isEqualTo(1);
        return names;
    }

    /** The {@code case "..." ->} labels from the method's signature to its {@code default ->}. */
    private static Set<String> caseLabels(Path file, String method) {
        String source = read(file);
        int start = source.indexOf(method);
        assertThat(start).as("%s in %s", method, file).isNotNegative();
        int end = source.indexOf("default ->", start);
        assertThat(end).as("the switch's default in %s of %s", method, file).isPositive();
        Set<String> names = new TreeSet<>();
        Matcher labels = CASE.matcher(source.substring(start, end));
        while (labels.find()) {
            names.addAll(matches(NAME, labels.group(1), file));
        }
        assertThat(names).as("case labels in %s of %s", method, file).isNotEmpty();
        return names;
    }

    private static Set<String> matches(Pattern pattern, String text, Path from) {
        Set<String> names = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("names matching %s in %s", pattern, from).isNotEmpty();
        return names;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    /** Line and block comments out, so that a quote in a comment inside a list cannot pass for a name. */
    private static String withoutComments(String typeScript) {
        return typeScript.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    private static Iterable<Path> typeScriptFiles() {
        assertThat(CATALOGUE).as("the wire catalogue, from the web module").isDirectory();
        try (Stream<Path> files = Files.walk(CATALOGUE)) {
            return files.filter(f -> f.toString().endsWith(".ts") && !f.toString().endsWith(".test.ts")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
