import SixSteps

enum JourneyPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {}
}
