/** Health, metrics and logging that operators rely on. */
package org.aftersales.operations;
