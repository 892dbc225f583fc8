package org.aftersales.servicecase;

import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldChecks;
import org.aftersales.api.FieldProblem;
import org.aftersales.common.EngineTime;
import org.aftersales.common.SystemAuthority;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case: the case row and its {@code service-request} instance are written in one
 * transaction, so there is never one without the other.
 */
@Service
public class CaseIntake {

  private static final Logger LOG = LoggerFactory.getLogger(CaseIntake.class);
  static final LocalDate EARLIEST_PURCHASE = LocalDate.of(1970, 1, 1);

  private final ServiceCaseRepository cases;
  private final CaseNumbers caseNumbers;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;
  private final ServiceHours serviceHours;
  private final Validator validator;

  public CaseIntake(ServiceCaseRepository cases, CaseNumbers caseNumbers, RuntimeService runtimeService,
      SystemAuthority system, ServiceHours serviceHours, Validator validator) {
    this.cases = cases;
    this.caseNumbers = caseNumbers;
    this.runtimeService = runtimeService;
    this.system = system;
    this.serviceHours = serviceHours;
    this.validator = validator;
  }

  public record OpenedCase(String caseNumber, String processInstanceId) {
  }

  @Transactional
  public OpenedCase open(NewCaseRequest request, String openedBy) {
    validate(request);
    Instant now = EngineTime.now();
    String caseNumber = caseNumbers.next(now, serviceHours.zone());
    ServiceCase serviceCase = cases.saveAndFlush(new ServiceCase(caseNumber, request, now, openedBy));
    ProcessInstance instance = system.call(() -> runtimeService
        .createProcessInstanceByKey(ServiceRequestVariables.PROCESS_KEY)
        .businessKey(caseNumber)
        .setVariables(ServiceRequestVariables.start(serviceCase))
        .execute());
    serviceCase.started(instance.getId());
    LOG.info("Case {} opened by {} for customer {} ({}, {})", caseNumber, openedBy,
        serviceCase.getCustomerId(), serviceCase.getChannel(), serviceCase.getPriority());
    return new OpenedCase(caseNumber, instance.getId());
  }

  /** Every problem at once, in field order: the client fixes them in one go. */
  void validate(NewCaseRequest request) {
    if (request == null) {
      throw ApiException.badField("body", "is required");
    }
    List<FieldProblem> problems = FieldChecks.problems(validator, request);
    if (request.product() != null && request.product().purchaseDate() != null) {
      LocalDate today = LocalDate.ofInstant(EngineTime.now(), serviceHours.zone());
      LocalDate purchased = request.product().purchaseDate();
      if (purchased.isAfter(today)) {
        problems.add(new FieldProblem("product.purchaseDate", "must not be in the future"));
      } else if (purchased.isBefore(EARLIEST_PURCHASE)) {
        // Before any product we sell; PostgreSQL and H2 would also store absurd years differently.
        problems.add(new FieldProblem("product.purchaseDate", "must not be before " + EARLIEST_PURCHASE));
      }
    }
    FieldChecks.reject(problems);
  }
}
