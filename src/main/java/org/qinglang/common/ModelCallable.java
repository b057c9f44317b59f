package org.qinglang.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of one of our beans that a process model may call in an expression, such as
 * {@code ${caseDates.daysFromNow(2)}}. Models run in a sandbox: a method without this mark cannot be
 * called from a model, neither at deployment nor at run time.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelCallable {
}
