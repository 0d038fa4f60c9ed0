package io.parley.identity.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST method that answers a person who must still choose their own password (their account's own: who they are,
 * choosing the password, signing out everywhere); {@link AccessFilter} refuses them every other one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeOwnPassword {
}
