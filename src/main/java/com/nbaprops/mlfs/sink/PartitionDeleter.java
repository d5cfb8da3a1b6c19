package com.nbaprops.mlfs.sink;

import com.google.api.services.bigquery.model.TableReference;
import java.io.Serializable;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.DatasetService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;
import org.apache.beam.sdk.options.PipelineOptions;

/** Deletes one date partition ({@code PROJECT:DATASET.TABLE$YYYYMMDD}) if it exists. */
public interface PartitionDeleter extends Serializable {
  void deleteIfExists(String partitionSpec, PipelineOptions options) throws Exception;

  /** Production: BigQuery's tables.get / tables.delete on the partition decorator. */
  static PartitionDeleter bigQuery() {
    return (spec, options) -> {
      TableReference ref = BigQueryHelpers.parseTableSpec(spec);
      try (DatasetService ds = new BigQueryServicesImpl()
          .getDatasetService(options.as(BigQueryOptions.class))) {
        if (ds.getTable(ref) != null) {
          ds.deleteTable(ref);
        }
      }
    };
  }
}
