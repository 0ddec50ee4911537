package org.federation.platform.testing;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/** Keeps JUnit's default order, except that classes marked {@link RunsLast} run after every other. */
public class RunsLastOrderer implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(
                descriptor -> descriptor.getTestClass().isAnnotationPresent(RunsLast.class)));
    }
}
