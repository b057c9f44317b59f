package org.qinglang;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;

/**
 * The order of the test classes: the test JVM keeps one application context at a time
 * ({@code spring.test.context.cache.maxSize=1}), so the classes that share {@link QinglangTest}'s
 * context as it is run one after another and start it once; classes with a context of their own
 * (their own properties, beans or listeners) run before them, each starting its own. A class that
 * asks for a fresh shared context leads the shared ones, which then reuse the context it started.
 */
public class OneContextAtATime implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(OneContextAtATime::group)
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static int group(ClassDescriptor descriptor) {
        Class<?> test = descriptor.getTestClass();
        if (!test.isAnnotationPresent(QinglangTest.class) || ownContext(test)) {
            return 0;
        }
        return test.isAnnotationPresent(DirtiesContext.class) ? 1 : 2;
    }

    /** Whether the class changes the context it runs in, which makes a context of its own. */
    private static boolean ownContext(Class<?> test) {
        return test.isAnnotationPresent(Import.class) || test.isAnnotationPresent(TestExecutionListeners.class)
                || test.isAnnotationPresent(TestPropertySource.class)
                || Arrays.stream(test.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(DynamicPropertySource.class))
                || Arrays.stream(test.getDeclaredFields()).anyMatch(OneContextAtATime::replacesABean)
                || Arrays.stream(test.getDeclaredClasses()).anyMatch(c -> c.isAnnotationPresent(TestConfiguration.class));
    }

    private static boolean replacesABean(AnnotatedElement field) {
        return Arrays.stream(field.getAnnotations()).anyMatch(a -> a.annotationType().getName().startsWith(
                "org.springframework.test.context.bean.override"));
    }
}
