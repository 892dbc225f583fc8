package org.aftersales.returns;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.aftersales.integration.logistics.ReturnedUnit;
import org.aftersales.repair.RepairOrderRepository;
import org.springframework.stereotype.Component;

/**
 * {@code aftersales_units{process=return|repair, status=awaited|received|not_recovered}}: units
 * customers send back, and how many never came (finance and QA count on them).
 */
@Component
class UnitRecoveryMetrics implements MeterBinder {

  private final ReturnOrderRepository returns;
  private final RepairOrderRepository repairs;

  UnitRecoveryMetrics(ReturnOrderRepository returns, RepairOrderRepository repairs) {
    this.returns = returns;
    this.repairs = repairs;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ReturnedUnit.Status status : ReturnedUnit.Status.values()) {
      Gauge.builder("aftersales.units", returns, r -> r.countByUnitStatus(status))
          .tag("process", "return").tag("status", status.name().toLowerCase())
          .description("Units customers send back, by status").register(registry);
      Gauge.builder("aftersales.units", repairs, r -> r.countByUnitStatus(status))
          .tag("process", "repair").tag("status", status.name().toLowerCase())
          .description("Units customers send back, by status").register(registry);
    }
  }
}
