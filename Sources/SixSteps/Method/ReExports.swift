// The domain's API speaks in Basics' types (JSON, ISODate, Timestamp, CSV, SampleSummary): whoever
// imports the domain gets them with it.
@_exported import Basics
