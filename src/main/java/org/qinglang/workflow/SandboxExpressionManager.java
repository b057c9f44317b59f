package org.qinglang.workflow;

import java.beans.FeatureDescriptor;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.context.ApplicationContext;

/**
 * The run-time half of the model sandbox: the engine evaluates every expression (of processes,
 * decisions and stored task filters) with these resolvers. A name resolves to a variable, to the
 * execution or task, or to one of our allowlisted beans; a method call reaches only a reading of a
 * variable or an allowed method of such a bean; no property of any object can be read and no other
 * method called. The engine's own functions that stored filters use stay; no others are offered.
 */
public class SandboxExpressionManager extends SpringExpressionManager {

    /**
     * The functions Tasklist filters use (each reads the acting user or the clock and nothing else),
     * and dateTime(), which process versions deployed before the sandbox use for due dates
     * ({@code dateTime().plusDays(2).toDate()}); new deployments may use none of them.
     */
    static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

    /**
     * Date arithmetic on the value of dateTime(), for those earlier versions: a date and nothing
     * else comes of it, and no method of that date may be called in turn.
     */
    static final Set<String> DATE_ARITHMETIC = Set.of("plusDays", "plusHours", "plusMinutes", "plusWeeks", "toDate");

    private final ModelBeans beans;
    /** What a step named in a model is: the bean itself, or a stand-in that only records the call (dry run). */
    private final java.util.function.Function<String, Object> steps;

    public SandboxExpressionManager(ApplicationContext applicationContext) {
        this(applicationContext, null);
    }

    /** With stand-ins for our steps: the sandbox's rules, without the steps' effects. */
    SandboxExpressionManager(ApplicationContext applicationContext,
            java.util.function.Function<String, Object> standIns) {
        super(applicationContext);
        this.beans = new ModelBeans(applicationContext);
        this.steps = standIns;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new AllowlistResolver(beans, steps));
        if (steps != null) {
            // A dry run: a fact a recorded step would have set (its flags) counts as "no", and is said so.
            resolver.add(new UnknownAsNo(steps));
        }
        return resolver;
    }

    /** A resolver that only reads: nothing to write, no types or descriptors to offer. */
    abstract static class ReadOnlyResolver extends ELResolver {

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null) {
                throw new PropertyNotWritableException("Models may not write properties of objects");
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    }

    /** Unknown names in a dry run: false, reported through the stand-in function as "?name". */
    static final class UnknownAsNo extends ReadOnlyResolver {

        private final java.util.function.Function<String, Object> report;

        UnknownAsNo(java.util.function.Function<String, Object> report) {
            this.report = report;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null) {
                return null;
            }
            context.setPropertyResolved(true);
            report.apply("?" + property);
            return Boolean.FALSE;
        }
    }

    @Override
    protected FunctionMapper createFunctionMapper() {
        return new FunctionMapper() {
            @Override
            public Method resolveFunction(String prefix, String localName) {
                return (prefix == null || prefix.isEmpty()) && FUNCTIONS.contains(localName)
                        ? functions.get(localName) : null;
            }
        };
    }

    /** Our beans by name, their allowed methods, variable reads; a refusal for everything else. */
    static final class AllowlistResolver extends ReadOnlyResolver {

        private final ModelBeans beans;
        private final java.util.function.Function<String, Object> steps;
        private final BeanELResolver methods = new BeanELResolver(true);

        AllowlistResolver(ModelBeans beans) {
            this(beans, null);
        }

        AllowlistResolver(ModelBeans beans, java.util.function.Function<String, Object> steps) {
            this.beans = beans;
            this.steps = steps;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null) {
                throw new PropertyNotFoundException("Models may not read properties of objects (" + property + ")");
            }
            String name = String.valueOf(property);
            if (beans.isDelegate(name) && steps != null) {
                context.setPropertyResolved(true);
                return steps.apply(name);
            }
            if (beans.isDelegate(name) || beans.isCallable(name)) {
                context.setPropertyResolved(true);
                return beans.bean(name);
            }
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            String name = String.valueOf(method);
            boolean readsVariable = base instanceof VariableScope && ExpressionRules.VARIABLE_READS.contains(name);
            boolean dateArithmetic = base instanceof org.joda.time.DateTime && DATE_ARITHMETIC.contains(name);
            if (readsVariable || dateArithmetic || beans.isCallableOn(base, name)) {
                return methods.invoke(context, base, method, paramTypes, params);
            }
            throw new MethodNotFoundException("Models may not call " + (base == null ? "" : base.getClass()
                    .getSimpleName() + ".") + name + "()");
        }

    }
}
