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

    /**
     * What a dry run puts in place of our steps, and of the facts those steps would have set (a flag
     * the next gateway reads): both only recorded, never the steps' effects.
     */
    interface StandIns {

        /** The object a delegate expression naming this step of ours resolves to. */
        Object step(String beanName);

        /** The value of a name nothing else resolves. */
        Object unknown(String name);
    }

    private final ModelBeans beans;
    /** Null: our steps themselves; otherwise stand-ins that only record (dry run). */
    private final StandIns standIns;

    public SandboxExpressionManager(ApplicationContext applicationContext) {
        this(applicationContext, null);
    }

    /** With stand-ins for our steps: the sandbox's rules, without the steps' effects. */
    SandboxExpressionManager(ApplicationContext applicationContext, StandIns standIns) {
        super(applicationContext);
        this.beans = new ModelBeans(applicationContext);
        this.standIns = standIns;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new AllowlistResolver(beans, standIns));
        if (standIns != null) {
            // A dry run: a fact a recorded step would have set has the stand-ins' value.
            resolver.add(new UnknownNames(standIns));
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

    /** Unknown names in a dry run: whatever the stand-ins say of them. */
    static final class UnknownNames extends ReadOnlyResolver {

        private final StandIns standIns;

        UnknownNames(StandIns standIns) {
            this.standIns = standIns;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null) {
                return null;
            }
            context.setPropertyResolved(true);
            return standIns.unknown(String.valueOf(property));
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
        private final StandIns standIns;
        private final BeanELResolver methods = new BeanELResolver(true);

        AllowlistResolver(ModelBeans beans) {
            this(beans, null);
        }

        AllowlistResolver(ModelBeans beans, StandIns standIns) {
            this.beans = beans;
            this.standIns = standIns;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null) {
                throw new PropertyNotFoundException("Models may not read properties of objects (" + property + ")");
            }
            String name = String.valueOf(property);
            if (beans.isDelegate(name) && standIns != null) {
                context.setPropertyResolved(true);
                return standIns.step(name);
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
