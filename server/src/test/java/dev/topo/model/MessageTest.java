package dev.topo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageTest {
  @Test
  void englishIsTheBaseBundleWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.KOREA);
      assertEquals("container 'web'", Message.of("entity.container", "'web'").english());
      assertEquals("container 'web'", Message.of("entity.container", "'web'").text("en"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void wordsThatAreArgumentsAreTranslatedToo() {
    Message vm = Message.of("entity.vm", Message.of("entity.unnamed"));
    assertEquals("vm (unnamed)", vm.english());
    assertEquals("이름 없는 가상 머신", vm.text(Locale.KOREAN));
    assertEquals("이름 없는 가상 머신", vm.text("ko-KR"));
  }

  @Test
  void listsAreJoinedAsTheLanguageJoinsThem() {
    assertEquals("a", Message.and(List.of("a")).english());
    assertEquals("a and b", Message.and(List.of("a", "b")).english());
    assertEquals("a, b and c", Message.and(List.of("a", "b", "c")).english());
    assertEquals("a, b, c", Message.and(List.of("a", "b", "c")).text(Locale.KOREAN));
  }

  @Test
  void literalsAreShownAsTheyAre() {
    assertEquals("it's {0}", Message.literal("it's {0}").text(Locale.KOREAN));
  }

  @Test
  void koreanParticlesFollowTheWordBefore() {
    assertEquals("컨테이너는 노드를 호스트와 파드로", KoreanParticles.resolve("컨테이너은(는) 노드을(를) 호스트과(와) 파드(으)로"));
    assertEquals("VM은 커널이 모듈로 3은 7로 6으로", KoreanParticles.resolve("VM은(는) 커널이(가) 모듈(으)로 3은(는) 7(으)로 6(으)로"));
    assertEquals("'web'은(는)", KoreanParticles.resolve("'web'은(는)"));
  }

  @Test
  void describedSaysInEnglishWhatDescribeSays() {
    for (EntityKind kind : EntityKind.values()) {
      for (String name : List.of("web", "")) {
        Entity entity = new Entity(kind, new Name(name, null), null, null, List.of(), List.of(), List.of());
        assertEquals(entity.describe(), entity.described().english());
      }
    }
  }
}
