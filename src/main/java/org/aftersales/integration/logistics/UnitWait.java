package org.aftersales.integration.logistics;

import java.time.Duration;
import java.time.Instant;
import org.aftersales.common.EngineTime;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a case waits for a unit the customer sends back (repair at the depot, returns):
 * the customer is reminded every {@code remindEvery}; after {@code escalateAfter} the leads
 * chase it; after {@code giveUpAfter} it is flagged as not recovered and finance is told.
 * The processes' timers read the variables {@link #startWaiting} sets.
 */
@ConfigurationProperties("aftersales.unit-wait")
public record UnitWait(Duration remindEvery, Duration escalateAfter, Duration giveUpAfter) {

  public static final String REMINDER_CYCLE = "unitReminderCycle";
  public static final String ESCALATE_AT = "unitEscalateAt";
  public static final String GIVE_UP_AT = "unitGiveUpAt";

  public UnitWait {
    remindEvery = remindEvery == null ? Duration.ofDays(3) : remindEvery;
    escalateAfter = escalateAfter == null ? Duration.ofDays(10) : escalateAfter;
    giveUpAfter = giveUpAfter == null ? Duration.ofDays(30) : giveUpAfter;
    if (!escalateAfter.minus(giveUpAfter).isNegative()) {
      throw new IllegalArgumentException("aftersales.unit-wait.escalate-after must be shorter than give-up-after");
    }
  }

  /** Sets the reminder cycle, the escalation and the give-up time of a wait starting now. */
  public void startWaiting(VariableScope execution) {
    Instant now = EngineTime.now();
    long reminders = Math.max(1, giveUpAfter.toMillis() / remindEvery.toMillis() - 1);
    execution.setVariable(REMINDER_CYCLE, "R" + reminders + "/" + remindEvery);
    execution.setVariable(ESCALATE_AT, EngineTime.toDate(now.plus(escalateAfter)));
    execution.setVariable(GIVE_UP_AT, EngineTime.toDate(now.plus(giveUpAfter)));
  }
}
