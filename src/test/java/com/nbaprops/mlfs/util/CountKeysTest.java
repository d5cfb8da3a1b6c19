package com.nbaprops.mlfs.util;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.Rule;
import org.junit.Test;

public class CountKeysTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void countsEveryKeyOfEveryElementAcrossBundlesAndInputs() {
    // "a b" twice and "b" once in one input, "a" in another, one with no keys: a=3, b=3.
    PCollection<Map<String, Long>> words = p.apply("Words", Create.of("a b", "b", "a b", ""))
        .apply("CountWords", CountKeys.of((String s) -> s.isEmpty() ? List.of()
            : List.of(s.split(" "))));
    PCollection<Map<String, Long>> more = p.apply("More", Create.of(List.of(1)))
        .apply("CountMore", CountKeys.of((Integer i) -> List.of("a")));
    PCollection<Map<String, Long>> total = PCollectionList.of(words).and(more)
        .apply(Flatten.pCollections()).apply(Combine.globally(new KeyCounts.Merge()));
    PAssert.thatSingleton(total).isEqualTo(Map.of("a", 3L, "b", 3L));
    p.run();
  }

  @Test
  public void noElementsCountToAnEmptyMap() {
    PCollection<Map<String, Long>> total = p
        .apply(Create.empty(org.apache.beam.sdk.coders.StringUtf8Coder.of()))
        .apply(CountKeys.of((String s) -> List.of(s)))
        .apply(Combine.globally(new KeyCounts.Merge()));
    PAssert.thatSingleton(total).isEqualTo(Map.of());
    p.run();
  }
}
