package org.aftersales.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The codes read-only text fields show are named in both languages, and only codes such fields show. */
class ValueNamesTest {

  @Test
  void everyNamedCodeIsShownByAReadOnlyTextFieldAndNamedInBothLanguages() throws IOException {
    Bundle en = Bundle.load("values", Language.EN);
    Bundle zh = Bundle.load("values", Language.ZH_CN);
    assertThat(zh.keys()).isEqualTo(en.keys()).isNotEmpty();
    Set<String> shownAsText = new HashSet<>();
    Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
    for (Resource resource : forms) {
      try (InputStream in = resource.getInputStream()) {
        CamundaForm.parse(in).fields().stream()
            .filter(f -> (f.readonly() || f.disabled()) && ("textfield".equals(f.type()) || "textarea".equals(f.type())))
            .forEach(f -> shownAsText.add(f.key()));
      }
    }
    for (String key : en.keys()) {
      String field = key.substring(0, key.indexOf('.'));
      String code = key.substring(key.indexOf('.') + 1);
      assertThat(shownAsText).as("a read-only text field %s", field).contains(field);
      assertThat(zh.get(key)).as(key).containsPattern("\\p{IsHan}");
      assertThat(FormTexts.valueLabel(field, code, Language.ZH_CN)).isEqualTo(zh.get(key));
      assertThat(FormTexts.valueLabel(field, code, Language.EN)).isEqualTo(en.get(key));
      assertThat(FormTexts.showsValue(field, zh.get(key), code)).isTrue();
    }
    assertThat(FormTexts.valueLabel("subjectType", "not-a-code", Language.ZH_CN)).isEqualTo("not-a-code");
    // an approval step's name in the read-only field of the approval forms, as the task's name shows it
    assertThat(FormTexts.valueLabel("stepName", "Team lead approval", Language.ZH_CN)).isEqualTo("团队主管审批");
    assertThat(FormTexts.showsValue("stepName", "团队主管审批", "Team lead approval")).isTrue();
  }
}
