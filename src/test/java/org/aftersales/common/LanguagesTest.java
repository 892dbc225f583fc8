package org.aftersales.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The person's first browser language when it is Chinese or English, else aftersales.locale. */
class LanguagesTest {

  @Test
  void followsTheBrowsersFirstLanguage() {
    Languages chineseDefault = new Languages("zh-CN");
    assertThat(chineseDefault.of("en-US,en;q=0.9")).isEqualTo(Language.EN);
    assertThat(chineseDefault.of("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Language.ZH_CN);
    assertThat(chineseDefault.of("zh-TW")).isEqualTo(Language.ZH_CN);
    assertThat(chineseDefault.of("en-US,zh-CN;q=0.9")).as("only the first counts").isEqualTo(Language.EN);
    assertThat(chineseDefault.of("de-DE,en;q=0.9")).as("another language: the default").isEqualTo(Language.ZH_CN);
    assertThat(chineseDefault.of((String) null)).isEqualTo(Language.ZH_CN);
    assertThat(chineseDefault.of("")).isEqualTo(Language.ZH_CN);
    assertThat(chineseDefault.of("*")).isEqualTo(Language.ZH_CN);
    assertThat(chineseDefault.of(";;;garbage")).isEqualTo(Language.ZH_CN);

    Languages englishDefault = new Languages("en");
    assertThat(englishDefault.of("fr-FR")).isEqualTo(Language.EN);
    assertThat(englishDefault.of("zh-CN")).isEqualTo(Language.ZH_CN);
  }

  @Test
  void refusesALocaleWeHaveNoTextsFor() {
    assertThatThrownBy(() -> new Languages("de")).hasMessageContaining("aftersales.locale");
  }
}
