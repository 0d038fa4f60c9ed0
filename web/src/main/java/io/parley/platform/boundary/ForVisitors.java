package io.parley.platform.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public endpoint that visitors' widgets call (a resource or a method): guarded by {@link VisitorGate}, so that an
 * address shut out for going on after it was refused is turned away before its request is read, and every request of
 * it that is refused counts against its address.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ForVisitors {
}
