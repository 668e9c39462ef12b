/// Rules on values that hold whichever way a record comes in — the command line, `import` or
/// `init --from` — as all of them go through `validate`: no control characters in text, a
/// metric's scale with its minimum below its maximum, and every value measured or aimed at on a
/// metric within that scale. `check` runs `validate` on every record, so it names any value
/// already in a file that breaks them.
extension RoadmapFile {
    func checkValueRules(_ record: Record) throws {
        for field in record.kind.fields {
            if case .text = field.type, let text = record[field.key].string { try TextRules.check(text, field: field.name) }
        }
        switch record.kind {
        case .metric:
            let scale = (record[.scaleMin].double, record[.scaleMax].double)
            if let low = scale.0, let high = scale.1, low >= high {
                let (lowest, highest) = (formatNumber(low), formatNumber(high))
                throw DomainError.inconsistent(Message(
                    "--scale-min \(lowest) ligt niet onder --scale-max \(highest); de laagst mogelijke waarde moet onder de hoogste liggen",
                    "--scale-min \(lowest) is not below --scale-max \(highest); the lowest possible value must be below the highest"))
            }
            for field in [FieldKey.baseline, .target] {
                try checkWithinScale(record[field].double, field: field.rawValue, scale: Self.valueScale(record), metric: record.ref)
            }
        case .measurement, .goal:
            guard let metric = try self.record(.metric, key: record[.metric]) else { return }
            let field = record.kind == .goal ? FieldKey.target : .value
            try checkWithinScale(record[field].double, field: field.rawValue, scale: Self.valueScale(metric), metric: metric.ref)
        default:
            break
        }
    }

    /// Where a metric's values (baseline, target, measurements) lie: on its answer scale for a
    /// mean or a CES; an NPS from −100 to 100 and a share from 0 to 100%, whatever scale the
    /// answers were given on.
    static func valueScale(_ metric: Record) -> (Double?, Double?) {
        switch metric.metricKind {
        case .mean, .ces: return (metric[.scaleMin].double, metric[.scaleMax].double)
        case .nps: return (-100, 100)
        case .csat, .fcr, .onTime: return (0, 100)
        case .leadTime: return (0, metric[.scaleMax].double)
        }
    }

    private func checkWithinScale(_ value: Double?, field: String, scale: (Double?, Double?), metric: String) throws {
        guard let value else { return }
        if let low = scale.0, value < low {
            throw DomainError.inconsistent(Message(
                "--\(field) \(formatNumber(value)) ligt onder de schaal van \(metric), die begint bij \(formatNumber(low)); geef een waarde op die schaal",
                "--\(field) \(formatNumber(value)) is below \(metric)'s scale, which starts at \(formatNumber(low))"))
        }
        if let high = scale.1, value > high {
            throw DomainError.inconsistent(Message(
                "--\(field) \(formatNumber(value)) ligt boven de schaal van \(metric), die eindigt bij \(formatNumber(high)); geef een waarde op die schaal",
                "--\(field) \(formatNumber(value)) is above \(metric)'s scale, which ends at \(formatNumber(high))"))
        }
    }
}

extension RoadmapFile {
    /// The settings of an imported document under the rules the commands that set them apply:
    /// `site theme` for the name, colour and logo (they reach the site's CSS and pages), `init
    /// --name` for the municipality, `survey threshold` for the threshold.
    func checkImportedSettings(source: String, allowSmallGroups: Bool) throws {
        func fail(_ setting: Setting, _ error: Error) -> DomainError {
            .badImport(Message("\(source): settings: \(setting.rawValue): ", "\(source): settings: \(setting.rawValue): ") + .of(error))
        }
        for (setting, rule) in [(Setting.themeName, { _ = try ThemeRules.name($0) }), (.themePrimary, { _ = try ThemeRules.color($0) }),
                                (.themeLogo, ThemeRules.storedLogo), (.municipality, { try TextRules.check($0, field: "name") })]
            as [(Setting, (String) throws -> Void)] {
            guard let value = try self.setting(setting) else { continue }
            do { try rule(value) } catch { throw fail(setting, error) }
        }
        if let threshold = try setting(.privacyThreshold).flatMap({ Int($0) }) {
            do {
                try Self.checkThreshold(threshold, allowSmallGroups: allowSmallGroups)
            } catch {
                throw fail(.privacyThreshold, error)
            }
        }
    }
}
