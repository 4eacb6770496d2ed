//! `dyad.spark.merge`'s work on one block of event mentions: the store's merging rule
//! (`dyad_store::Merger`) over the block in a fixed order, so that the answer does not depend
//! on how Spark happened to order the rows.

use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use dyad_model::EventRecord;
use dyad_store::{MergeRule, Merger};
use std::sync::Arc;

/// For each mention of `records`: its `event_id`, the number of its merged event within the
/// block (from 0, in the order events start) and the `event_id` of that event's first mention.
/// Mentions are taken by date (undated last), document, sentence and id.
pub(crate) fn merge(records: &[EventRecord], days: i64) -> Result<RecordBatch, String> {
    let mut order: Vec<&EventRecord> = records.iter().collect();
    order.sort_by(|a, b| {
        (
            a.date.is_none(),
            &a.date,
            &a.doc_id,
            a.sentence_index,
            &a.event_id,
        )
            .cmp(&(
                b.date.is_none(),
                &b.date,
                &b.doc_id,
                b.sentence_index,
                &b.event_id,
            ))
    });
    let mut merger = Merger::new(MergeRule { days });
    let mut first: Vec<&str> = Vec::new();
    let mut ids = Vec::with_capacity(order.len());
    let mut events = Vec::with_capacity(order.len());
    let mut representatives = Vec::with_capacity(order.len());
    for r in order {
        let event = merger.assign(r);
        if event == first.len() {
            first.push(&r.event_id);
        }
        ids.push(r.event_id.as_str());
        events.push(i64::try_from(event).unwrap_or(i64::MAX));
        representatives.push(first.get(event).copied().unwrap_or(""));
    }
    let schema = Schema::new(vec![
        Field::new("event_id", DataType::Utf8, false),
        Field::new("merged_index", DataType::Int64, false),
        Field::new("merged_event", DataType::Utf8, false),
    ]);
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from(ids)),
        Arc::new(Int64Array::from(events)),
        Arc::new(StringArray::from(representatives)),
    ];
    RecordBatch::try_new(Arc::new(schema), columns).map_err(|e| e.to_string())
}
