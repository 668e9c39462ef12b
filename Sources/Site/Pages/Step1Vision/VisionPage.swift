import SixSteps

// MARK: - Step 1: vision, principles, goals

extension StepPages {
    static func visionPage(_ context: PageContext) -> Page {
        let data = context.data
        return Page(file: Section.vision.file, title: title(context, .vision), section: .vision,
                    lead: context.t("In deze stap legt het team vast waar de dienstverlening naartoe gaat. De visie zegt wat inwoners "
                                    + "mogen verwachten. De principes zeggen hoe we werken. De doelen laten zien of het lukt.",
                                    "In this step the team sets out where the service is heading. The vision says what residents "
                                    + "may expect. The principles say how we work. The goals show whether it works.")) {
            context.section(context.t("Onze visie", "Our vision"), id: "visie") {
                if let vision = data.vision {
                    el("blockquote", [.class("vision")]) { paragraphs(vision.text) }
                    el("p", [.class("step-meta")]) {
                        context.t("Laatst bijgewerkt op \(context.date(vision.updatedOn)).", "Last updated on \(context.date(vision.updatedOn)).")
                    }
                } else {
                    el("p", [.class("none")]) {
                        context.t("Het team heeft nog geen visie vastgelegd.", "The team has not recorded a vision yet.")
                    }
                }
            }
            principles(context)
            goals(context)
            assumptions(context)
        }
    }

    static func principles(_ context: PageContext) -> Node {
        let principles = context.data.records(.principle)
        return context.section(context.t("Principes", "Principles"), id: "principes") {
            if principles.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen principes vastgelegd.", "No principles recorded yet.") }
            } else {
                el("p") {
                    context.t("Deze afspraken volgen uit de visie. Elke verbetering moet erbij passen.",
                              "These rules follow from the vision. Every improvement must fit them.")
                }
                el("ol", [.class("step-principles")]) {
                    principles.map { principle in
                        el("li", [.id(context.anchor(.principle, principle.ref))]) {
                            el("h3") {
                                el("span", [.class("ref")]) { principle.ref }
                                principle.title
                            }
                            paragraphs(principle[.description].string ?? "")
                        }
                    }
                }
            }
        }
    }

    static func goals(_ context: PageContext) -> Node {
        let goals = context.data.records(.goal)
        return context.section(context.t("Doelen", "Goals"), id: "doelen") {
            if goals.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen doelen vastgelegd.", "No goals recorded yet.") }
            } else {
                el("p") {
                    context.t("Elk doel hoort bij een meeteenheid. Zo is te zien hoe ver we zijn: van de nulmeting naar het doel.",
                              "Each goal belongs to a metric. That shows how far we are: from the baseline to the target.")
                }
                el("ul", [.class("cards step-cards")]) { goals.map { goal($0, context) } }
            }
        }
    }

    static func goal(_ goal: Record, _ context: PageContext) -> Node {
        let data = context.data
        let metricRef = goal[.metric].string
        let metric = metricRef.flatMap { data.record(.metric, $0) }
        let target = goal[.target].double ?? metric?[.target].double
        let comparison = metricRef.flatMap { context.data.latest($0) }
        let baseline = metric?[.baseline].double
        // The goal may set its own target; progress is measured against that, not the metric's.
        var progress = comparison?.progress
        if let mean = comparison?.current?.summary.mean, comparison?.current?.suppressed == false,
           let baseline, let target, target != baseline {
            progress = (mean - baseline) / (target - baseline)
        }
        let dateText = goal[.targetDate].string
        let passed = dateText.flatMap { ISODate($0) }.map { $0 < data.today } ?? false

        let now: Node
        if let current = comparison?.current {
            let cycle = current.cycle
            if current.suppressed {
                now = Node.group([.text(context.t("afgeschermd in ", "suppressed in ")), context.recordLink(.cycle, cycle, showRef: false),
                                  .text(context.t(" (te weinig antwoorden)", " (too few answers)"))])
            } else {
                now = Node.group([.text(context.value(current.summary.mean, of: metric) + context.t(" in ", " in ")),
                                  context.recordLink(.cycle, cycle, showRef: false)])
            }
        } else {
            now = .text(context.t("nog niet gemeten", "not measured yet"))
        }
        var state: Node = .empty
        if let progress, progress >= 1 {
            state = context.badge(context.t("doel gehaald", "target reached"), tone: "good")
        } else if passed {
            state = context.badge(context.t("datum voorbij, doel niet gehaald", "date passed, target not reached"), tone: "late")
        }
        return el("li", [.class("card"), .id(context.anchor(.goal, goal.ref))]) {
            el("h3") {
                el("span", [.class("ref")]) { goal.ref }
                goal.title
            }
            state
            context.facts([
                (context.t("Meeteenheid", "Metric"), metricRef.map { context.recordLink(.metric, $0, showRef: false) }
                    ?? .text(context.t("nog geen meeteenheid gekozen", "no metric chosen yet"))),
                (context.t("Nulmeting", "Baseline"), baseline.map { .text(context.value($0, of: metric)) }),
                (context.t("Doel", "Target"), target.map { .text(context.value($0, of: metric)) }),
                (context.t("Uiterlijk", "By"), dateText.map { .text(context.date($0)) }),
                (context.t("Nu", "Now"), now),
                (context.t("Voortgang", "Progress"), progress.map { progressBar($0, context) }),
            ])
            paragraphs(goal[.description].string ?? "")
        }
    }
}
