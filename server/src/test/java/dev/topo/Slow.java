package dev.topo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A stress, fuzz, property or long-running test (seconds, not milliseconds): the build and
 * CI run it ({@code mvn -B verify}), the quick inner loop leaves it out
 * ({@code mvn -B verify -Pquick}, which excludes the JUnit tag {@code slow}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
