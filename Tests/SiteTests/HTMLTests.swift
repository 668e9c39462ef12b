import Testing
import Site

@Suite struct SiteSmokeTests {
    @Test func escapesTextAndAttributes() {
        let html = el("a", [.href("x\"><script>")]) { "<b>&</b>" }.render()
        #expect(html == "<a href=\"x&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;&lt;/b&gt;</a>")
    }
}
