package org.aftersales.identity.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.identity.StartRefusedException;
import org.junit.jupiter.api.Test;

class GroupMappingTest {

  @Test
  void mapsDirectoryGroupsToOursBothWays() {
    Map<String, List<String>> configured = new LinkedHashMap<>();
    configured.put("customer-service", List.of("售后-客服", "售后-客服-上海"));
    configured.put("approver-lead", List.of("售后-主管"));
    configured.put("after-sales", List.of("售后-主管", " "));
    GroupMapping mapping = GroupMapping.of(configured);

    assertThat(mapping.ourGroups("售后-客服-上海")).containsExactly("customer-service");
    assertThat(mapping.ourGroups("售后-主管")).containsExactlyInAnyOrder("approver-lead", "after-sales");
    assertThat(mapping.ourGroups("行政")).isEmpty();
    assertThat(mapping.ourGroups("IT-Admins")).isEmpty();
    assertThat(mapping.directoryGroups(List.of("customer-service"))).containsExactly("售后-客服", "售后-客服-上海");
    assertThat(mapping.directoryGroups(List.of("finance"))).isEmpty();
    assertThat(mapping.directoryGroups(null)).containsExactlyInAnyOrder("售后-客服", "售后-客服-上海", "售后-主管");
  }

  @Test
  void directoryNamesCompareWithoutCase() {
    GroupMapping mapping = GroupMapping.of(Map.of("camunda-admin", List.of("IT-Admins")));
    assertThat(mapping.ourGroups("it-admins")).containsExactly("camunda-admin");
  }

  @Test
  void refusesGroupsOfOursThatDoNotExistAndAnEmptyMapping() {
    assertThatThrownBy(() -> GroupMapping.of(Map.of("customer_service", List.of("售后-客服"))))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("customer_service");
    assertThatThrownBy(() -> GroupMapping.of(Map.of()))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining(GroupMapping.PROPERTY);
  }

  @Test
  void likePatternsMatchAsTheEngineMeansThem() {
    assertThat(DirectorySession.like("Approvers%").matcher("Approvers: team leads").matches()).isTrue();
    assertThat(DirectorySession.like("%service").matcher("Customer service").matches()).isTrue();
    assertThat(DirectorySession.like("%(x)%").matcher("Customer service").matches()).isFalse();
  }
}
