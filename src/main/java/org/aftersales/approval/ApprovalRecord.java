package org.aftersales.approval;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One decision or operation on an approval: who did what, when, on which step, and why. */
@Entity
@Table(name = "approval_record")
public class ApprovalRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(nullable = false)
  private int round;

  @Column(name = "step_index")
  private Integer stepIndex;

  @Column(name = "step_name")
  private String stepName;

  @Column(name = "step_run")
  private String stepRun;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String action;

  private String target;

  private String comment;

  @Column(name = "task_id")
  private String taskId;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected ApprovalRecord() {
  }

  ApprovalRecord(String processInstanceId, String caseNumber, int round, Integer stepIndex, String stepName,
      String stepRun, String actor, ApprovalAction action, String target, String comment, String taskId,
      Instant recordedAt) {
    this.stepRun = stepRun;
    this.processInstanceId = processInstanceId;
    this.caseNumber = caseNumber;
    this.round = round;
    this.stepIndex = stepIndex;
    this.stepName = stepName;
    this.actor = actor;
    this.action = action.code();
    this.target = target;
    this.comment = comment;
    this.taskId = taskId;
    this.recordedAt = recordedAt;
  }

  public Long getId() {
    return id;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public int getRound() {
    return round;
  }

  public Integer getStepIndex() {
    return stepIndex;
  }

  public String getStepName() {
    return stepName;
  }

  public String getStepRun() {
    return stepRun;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public String getComment() {
    return comment;
  }

  public String getTaskId() {
    return taskId;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
