package com.nbaprops.mlfs.sink;

import com.google.api.services.bigquery.model.Table;
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

  /** Rows of the partition (null when unknown or absent): reported for a kept date. */
  default Long existingRows(String partitionSpec, PipelineOptions options) throws Exception {
    return null;
  }

  /** Production: BigQuery's tables.get / tables.delete on the partition decorator. */
  static PartitionDeleter bigQuery() {
    return new PartitionDeleter() {
      private static final long serialVersionUID = 1L;

      @Override
      public void deleteIfExists(String spec, PipelineOptions options) throws Exception {
        TableReference ref = BigQueryHelpers.parseTableSpec(spec);
        try (DatasetService ds = new BigQueryServicesImpl()
            .getDatasetService(options.as(BigQueryOptions.class))) {
          if (ds.getTable(ref) != null) {
            ds.deleteTable(ref);
          }
        }
      }

      @Override
      public Long existingRows(String spec, PipelineOptions options) throws Exception {
        TableReference ref = BigQueryHelpers.parseTableSpec(spec);
        try (DatasetService ds = new BigQueryServicesImpl()
            .getDatasetService(options.as(BigQueryOptions.class))) {
          Table t = ds.getTable(ref);
          return t == null || t.getNumRows() == null ? null : t.getNumRows().longValue();
        }
      }
    };
  }
}
