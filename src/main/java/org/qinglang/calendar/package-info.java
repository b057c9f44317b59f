/**
 * Working days: China's statutory holidays and make-up workdays (调休) from the calendar managers keep
 * in {@code bpmn/working-days.json}, deadlines written as "5 working days", and the engine's business
 * calendar that makes timers and task due dates count them.
 */
package org.qinglang.calendar;
