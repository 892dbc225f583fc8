package org.aftersales.refund;

import java.util.List;
import org.aftersales.common.EngineTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The case's adjustments, in the engine's transaction: ids A1, A2, ... per case, never reused. */
@Service
public class RefundAdjustments {

  private final RefundAdjustmentRepository adjustments;

  public RefundAdjustments(RefundAdjustmentRepository adjustments) {
    this.adjustments = adjustments;
  }

  /**
   * Records the next adjustment of the case. Two rounds of one case at the very same moment
   * would take the same id: the unique key refuses the second, whose step then fails and is tried again.
   */
  @Transactional
  public RefundAdjustment record(String caseNumber, Adjustment adjustment, String reason, String preparedBy,
      String processInstanceId) {
    String id = "A" + (adjustments.countByCaseNumber(caseNumber) + 1);
    return adjustments.saveAndFlush(new RefundAdjustment(caseNumber, id, adjustment, reason, preparedBy,
        processInstanceId, EngineTime.now()));
  }

  @Transactional
  public void rejected(String caseNumber, String adjustmentId) {
    of(caseNumber, adjustmentId).rejected(EngineTime.now());
  }

  @Transactional
  public void posted(String caseNumber, String adjustmentId, String postingReference) {
    of(caseNumber, adjustmentId).posted(postingReference, EngineTime.now());
  }

  @Transactional
  public void settled(String caseNumber, String adjustmentId) {
    of(caseNumber, adjustmentId).settled(EngineTime.now());
  }

  @Transactional(readOnly = true)
  public List<RefundAdjustment> ofCase(String caseNumber) {
    return adjustments.findByCaseNumberOrderById(caseNumber);
  }

  private RefundAdjustment of(String caseNumber, String adjustmentId) {
    return adjustments.findByCaseNumberAndAdjustmentId(caseNumber, adjustmentId).orElseThrow(() ->
        new IllegalStateException("No adjustment " + adjustmentId + " of case " + caseNumber));
  }
}
