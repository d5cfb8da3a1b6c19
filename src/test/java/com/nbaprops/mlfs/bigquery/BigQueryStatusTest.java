package com.nbaprops.mlfs.bigquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.nbaprops.mlfs.EndToEndTest;
import com.nbaprops.mlfs.LocalRun;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.sink.BigQuerySchemas;
import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.status.StatusCli;
import com.nbaprops.mlfs.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** scripts/status --source=bigquery through the fakes: three date-restricted, narrow reads. */
public class BigQueryStatusTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theRosterFeatureAndGapTablesAreReadOnceEachWithFewColumns() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    FakeStorageClient.reset();
    FakeDatasetService datasets = new FakeDatasetService();
    FakeBigQueryServices services = new FakeBigQueryServices().withDatasetService(datasets)
        .withJobService(new FakeJobService()).withStorageClient(new FakeStorageClient());
    Map<String, String> ds = new HashMap<>();
    for (SourceTable<?> t : SourceTable.ALL) {
      ds.put(t.name(), t.dataset());
    }
    FakeStorageClient.loadLeague(EndToEndTest.TINY_PATH(), "proj-1", ds, datasets);
    LocalRun run = LocalRun.run(tmp.newFolder("out").toPath(), EndToEndTest.RANGE[0],
        EndToEndTest.RANGE[1], "--inputDir=" + EndToEndTest.TINY_PATH());
    assertEquals(run.stderr, 0, run.exitCode);
    List<Map<String, Object>> rows = new ArrayList<>();
    run.table("ml_feature_store_v2").forEach((file, r) -> {
      if (!file.contains("2023-11-09")) {          // a hole in the stored table
        rows.addAll(r);
      }
    });
    List<Map<String, Object>> gaps = new ArrayList<>();
    run.table("feature_store_gaps").values().forEach(gaps::addAll);
    FakeStorageClient.registerTable("proj-1", "nba_predictions", "ml_feature_store_v2",
        BigQuerySchemas.schema(OutputSchema.FEATURE_STORE), rows, datasets);
    FakeStorageClient.registerTable("proj-1", "nba_predictions", "feature_store_gaps",
        BigQuerySchemas.schema(OutputSchema.GAPS), gaps, datasets);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = StatusCli.cli(new String[] {"--source=bigquery", "--project=proj-1",
        "--startDate=2023-10-25", "--endDate=2023-11-14", "--json"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), services);
    assertEquals(err.toString(StandardCharsets.UTF_8), 1, code);
    JsonNode j = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals("[\"2023-11-09\"]", j.get("missing_dates").toString());
    assertEquals(j.toString(), "[\"scripts/flex-backfill 2023-11-09 2023-11-09\"]", j.get("commands").toString());
    Map<String, Integer> openGaps = new HashMap<>();
    j.get("open_gaps").forEach(g -> openGaps.put(g.get("reason").asText(),
        g.get("count").asInt()));
    assertEquals(Integer.valueOf(4), openGaps.get("bootstrap"));

    List<CreateReadSessionRequest> sessions = FakeStorageClient.sessions();
    assertEquals(3, sessions.size());
    for (CreateReadSessionRequest s : sessions) {
      assertEquals("game_date BETWEEN DATE '2023-10-25' AND DATE '2023-11-14'",
          s.getReadSession().getReadOptions().getRowRestriction());
      String table = s.getReadSession().getTable();
      List<String> selected = s.getReadSession().getReadOptions().getSelectedFieldsList();
      if (table.endsWith("/ml_feature_store_v2")) {
        assertEquals(7, selected.size());
        assertTrue(selected.contains("is_quality_ready"));
      } else if (table.endsWith("/player_game_summary")) {
        assertEquals(SourceTable.PLAYER_GAME_SUMMARY.columnNames(), selected);
      } else {
        assertTrue(table, table.endsWith("/feature_store_gaps"));
        assertTrue(selected.contains("resolved_at"));
      }
    }
  }
}
