package org.aftersales.approval;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApprovalRecordRepository extends JpaRepository<ApprovalRecord, Long> {

  List<ApprovalRecord> findByProcessInstanceIdOrderById(String processInstanceId);

  List<ApprovalRecord> findByCaseNumberOrderById(String caseNumber);

  List<ApprovalRecord> findByProcessInstanceIdAndRoundAndActionInOrderById(String processInstanceId, int round,
      Collection<String> actions);

  boolean existsByStepRunAndActorAndActionIn(String stepRun, String actor, Collection<String> actions);

  boolean existsByProcessInstanceIdAndTargetAndAction(String processInstanceId, String target, String action);

  boolean existsByProcessInstanceIdAndActor(String processInstanceId, String actor);

  ApprovalRecord findFirstByProcessInstanceIdAndActionOrderByIdDesc(String processInstanceId, String action);
}
