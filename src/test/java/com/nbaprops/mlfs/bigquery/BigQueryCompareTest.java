package com.nbaprops.mlfs.bigquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.nbaprops.mlfs.EndToEndTest;
import com.nbaprops.mlfs.LocalRun;
import com.nbaprops.mlfs.compare.CompareCli;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.sink.BigQuerySchemas;
import com.nbaprops.mlfs.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** scripts/compare --source=bigquery through Beam's fakes: date-restricted, compared columns only. */
public class BigQueryCompareTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  @SuppressWarnings("unchecked")
  public void twoTablesAreReadOnceEachWithTheDateRestrictionAndTheComparedColumns()
      throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    FakeStorageClient.reset();
    FakeDatasetService datasets = new FakeDatasetService();
    FakeBigQueryServices services = new FakeBigQueryServices().withDatasetService(datasets)
        .withJobService(new FakeJobService()).withStorageClient(new FakeStorageClient());
    // Real rows of the tiny league as both tables; the right one with one value moved.
    LocalRun run = LocalRun.run(tmp.newFolder("out").toPath(), EndToEndTest.RANGE[0],
        EndToEndTest.RANGE[1], "--inputDir=" + EndToEndTest.TINY_PATH());
    assertEquals(run.stderr, 0, run.exitCode);
    List<Map<String, Object>> left = new ArrayList<>();
    run.table("ml_feature_store_v2").values().forEach(left::addAll);
    List<Map<String, Object>> right = new ArrayList<>();
    for (Map<String, Object> r : left) {
      right.add(Json.readObject(Json.write(r)));
    }
    Map<String, Object> moved = right.stream()
        .filter(r -> r.get("game_date").equals("2023-11-09")).findFirst().orElseThrow();
    List<Object> values = (List<Object>) moved.get("features");
    values.set(0, ((Number) values.get(0)).doubleValue() + 2.0);
    var schema = BigQuerySchemas.schema(OutputSchema.FEATURE_STORE);
    FakeStorageClient.registerTable("p1", "nba_predictions", "ml_feature_store_v2", schema, left,
        datasets);
    FakeStorageClient.registerTable("p1", "shadow", "ml_feature_store_v2", schema, right,
        datasets);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = CompareCli.cli(new String[] {"--source=bigquery",
        "--left=p1:nba_predictions.ml_feature_store_v2", "--right=p1:shadow.ml_feature_store_v2",
        "--startDate=2023-11-08", "--endDate=2023-11-10", "--json"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), services);
    assertEquals(err.toString(StandardCharsets.UTF_8), 1, code);
    JsonNode j = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    long inRange = left.stream().filter(r -> {
      String d = (String) r.get("game_date");
      return d.compareTo("2023-11-08") >= 0 && d.compareTo("2023-11-10") <= 0;
    }).count();
    assertTrue(inRange > 0 && inRange < left.size());
    assertEquals(inRange, j.at("/rows/both").asLong());
    assertEquals(0, j.at("/rows/left_only").asInt());
    assertEquals(inRange - 1, j.at("/features/0/equal").asLong());
    assertEquals(2.0, j.at("/features/0/max_abs_diff").asDouble(), 1e-9);
    assertEquals(inRange, j.at("/features/36/equal").asLong());

    // One read session per table, restricted to the dates, selecting compared columns only.
    List<CreateReadSessionRequest> sessions = FakeStorageClient.sessions();
    assertEquals(2, sessions.size());
    for (CreateReadSessionRequest s : sessions) {
      assertEquals("game_date BETWEEN DATE '2023-11-08' AND DATE '2023-11-10'",
          s.getReadSession().getReadOptions().getRowRestriction());
      List<String> selected = s.getReadSession().getReadOptions().getSelectedFieldsList();
      assertTrue(selected.contains("features"));
      assertTrue(selected.contains("feature_quality_score"));
      assertFalse(selected.contains("run_id"));
      assertFalse(selected.contains("created_at"));
      assertEquals(OutputSchema.FEATURE_STORE.columnNames().size() - 2, selected.size());
    }
  }
}
