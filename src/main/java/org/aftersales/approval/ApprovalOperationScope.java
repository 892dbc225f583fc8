package org.aftersales.approval;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Marks engine calls an approval operation makes, so the task listener does not record them twice. */
@Component
class ApprovalOperationScope {

  private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

  boolean active() {
    return active.get();
  }

  <T> T run(Supplier<T> work) {
    boolean outer = active.get();
    active.set(true);
    try {
      return work.get();
    } finally {
      active.set(outer);
    }
  }
}
