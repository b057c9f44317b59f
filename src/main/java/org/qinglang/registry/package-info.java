/**
 * Registry of platforms and violations: registered platforms and their domains, the violation
 * register of accounts and platforms, the measures table. Uses the case file, the process contract
 * and common.
 */
package org.qinglang.registry;
