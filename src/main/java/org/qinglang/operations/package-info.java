/**
 * Metrics of cases and mail for operators. Uses the case file and common.
 */
package org.qinglang.operations;
