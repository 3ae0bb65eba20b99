import Testing

@testable import Gongkai

@Suite struct LinkCheckTests {
    @Test func aPageLinksAreResolvedAgainstItsPath_onThisSiteOrElsewhere() {
        let html = """
            <a href="/a/x/guide">指南</a> <a href="items/1?page=2&amp;year=2024#top">条目</a> <img src="../logo.png">
            <a href="https://gk.example.gov.cn:443/a/x/items/2">全址</a> <a href="https://GK.example.gov.cn/a/y">本站</a>
            <a href="http://www.gov.cn/zhengce/">国务院</a> <a href="//cdn.example.com/a.js">cdn</a>
            <a href="mailto:gk@example.gov.cn">信</a> <a href="tel:023-1">电话</a> <a href="javascript:void(0)">x</a> <a href="#main">跳</a>
            <a data-href="/not/a/link">no</a> <a href="/a/x/guide">again</a>
            """
        let links = LinkCheck.links(inHTML: html, page: "/a/x/list", site: "https://gk.example.gov.cn")
        #expect(
            links == [
                .local("/a/x/guide"), .local("/a/x/items/1?page=2&year=2024"), .local("/a/x/items/2"),
                .local("/a/y"), .external("http://www.gov.cn/zhengce/"), .external("https://cdn.example.com/a.js"), .local("/a/logo.png"),
            ])
        #expect(LinkCheck.resolve("https://gk.example.gov.cn", page: "/", site: "https://gk.example.gov.cn") == .local("/"))
        #expect(LinkCheck.resolve("http://127.0.0.1:8080/a", page: "/", site: "http://127.0.0.1:8080") == .local("/a"))
        #expect(LinkCheck.resolve("http://127.0.0.1:9/a", page: "/", site: "http://127.0.0.1:8080") == .external("http://127.0.0.1:9/a"))
        #expect(LinkCheck.resolve("http://gk.example.gov.cn/a", page: "/", site: "https://gk.example.gov.cn") == .local("/a"))
        #expect(
            LinkCheck.resolve("http://gk.example.gov.cn:8080/a", page: "/", site: "https://gk.example.gov.cn")
                == .external("http://gk.example.gov.cn:8080/a"))
        #expect(LinkCheck.resolve("  ", page: "/", site: nil) == nil)
    }

    @Test func addressesInTextEndWhereChineseOrPunctuationBegins() {
        let runs = LinkCheck.textRuns("详见http://www.gov.cn/zhengce/2019-04/15/content_5382991.htm。另见（https://x.gov.cn/a?b=1&c=2）, http:// 不是")
        #expect(
            runs.map(\.text) == [
                "详见", "http://www.gov.cn/zhengce/2019-04/15/content_5382991.htm", "。另见（", "https://x.gov.cn/a?b=1&c=2", "）, http:// 不是",
            ])
        #expect(runs.map(\.isAddress) == [false, true, false, true, false])
        let trailing = LinkCheck.textRuns("see https://x.gov.cn/a. Then (http://y.cn).")
        #expect(trailing.filter(\.isAddress).map(\.text) == ["https://x.gov.cn/a", "http://y.cn"])
        #expect(LinkCheck.textRuns("没有网址的一行").map(\.text) == ["没有网址的一行"])
        #expect(LinkCheck.textRuns("").isEmpty)
    }
}
