import SixSteps

enum RoadmapPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {}
}
