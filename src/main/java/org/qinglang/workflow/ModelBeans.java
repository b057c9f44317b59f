package org.qinglang.workflow;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.qinglang.common.ModelCallable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The allowlist of the model sandbox: which of our beans a model may name, and which of their
 * methods it may call. A step delegate (a {@link JavaDelegate} or listener of ours) may be named in
 * a delegate expression; a method marked {@link ModelCallable} may be called. Nothing else in the
 * application is reachable from a model.
 */
public class ModelBeans {

    static final String OWN_PACKAGE = "org.qinglang.";

    private final ListableBeanFactory beans;
    /**
     * What the allowlist says of each bean name and class: beans are defined once at start, and every
     * delegate expression of every case asks again.
     */
    private final Map<String, Optional<Class<?>>> types = new ConcurrentHashMap<>();
    private final Map<Class<?>, Set<String>> callableByClass = new ConcurrentHashMap<>();

    public ModelBeans(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** A step of ours that a delegate expression may name. */
    public boolean isDelegate(String name) {
        Class<?> type = typeOf(name);
        return type != null && (JavaDelegate.class.isAssignableFrom(type)
                || ExecutionListener.class.isAssignableFrom(type) || TaskListener.class.isAssignableFrom(type));
    }

    /** A bean of ours with at least one method a model may call. */
    public boolean isCallable(String name) {
        return !callableMethods(name).isEmpty();
    }

    public boolean isCallable(String name, String method) {
        return callableMethods(name).contains(method);
    }

    /** Whether the object is one of the beans models may call, and this method of it is allowed. */
    public boolean isCallableOn(Object bean, String method) {
        if (bean == null) {
            return false;
        }
        Class<?> type = ClassUtils.getUserClass(bean);
        return ownClass(type) && callable(type).contains(method);
    }

    public boolean exists(String name) {
        return beans.containsBean(name);
    }

    public Object bean(String name) {
        return beans.getBean(name);
    }

    private Set<String> callableMethods(String name) {
        Class<?> type = typeOf(name);
        return type == null ? Set.of() : callable(type);
    }

    private Set<String> callable(Class<?> type) {
        return callableByClass.computeIfAbsent(type, t -> Arrays.stream(t.getMethods())
                .filter(method -> method.isAnnotationPresent(ModelCallable.class)).map(Method::getName)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The bean's own class when it is one of ours, else null. */
    private Class<?> typeOf(String name) {
        if (name == null) {
            return null;
        }
        return types.computeIfAbsent(name, n -> {
            if (!beans.containsBean(n) || beans.getType(n) == null) {
                return Optional.empty();
            }
            Class<?> type = ClassUtils.getUserClass(beans.getType(n));
            return ownClass(type) ? Optional.of(type) : Optional.empty();
        }).orElse(null);
    }

    private static boolean ownClass(Class<?> type) {
        return type.getName().startsWith(OWN_PACKAGE);
    }
}
