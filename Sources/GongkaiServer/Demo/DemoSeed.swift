import Fluent
import Gongkai
import SQLKit
import Vapor

/// The demo district: 重庆市沙坪坝区 with 联芳街道办事处 (the subdistrict of the 2019 fixture report) and a few other
/// agencies, their catalogues, staff accounts and a year of realistic items and notices. Loaded once; loading it
/// again changes nothing but the demo accounts' passwords, which are new and printed at each start.
public enum DemoSeed {
    public static let lianfangCode = "11500106009208537T"
    static let districtCode = "11500106009208050K"
    static let annualReportCategory = "政府信息公开工作年度报告"

    /// From 联芳街道's published 2019 report (Tests/Fixtures/lianfang-2019-annual-report.txt).
    /// Its section 一 as the real report printed it (the generated draft leaves 政府信息管理 and 平台建设 to be written).
    static let lianfang2019SectionOne =
        "2019年,联芳街道全面贯彻沙坪坝区政府信息公开指南相关文件精神,不断提升政务公开的质量和实效,全年政务公开工作运行良好。主要表现在一是成立了联芳街道政务公开领导小组,健全了组织领导体系;二是进一步规范政务公开工作,把办公、宣传、公示、考核融为一体,实现精准公开;三是完善了监督机制,通过公开工作职能、建立监督投诉电话和举报信箱,加强了社会监督。\n(一)主动公开情况\n2019年,按照《中华人民共和国政府信息公开条例》规定的主动公开政府信息范围\n(1)互联网公开:联芳街道在区政府网站上公开了街道职能、街道机构设置、办公地址、办公时间、联系方式、负责人姓名等内容。同时,联芳街道主动公开政府信息152条,及时更新教育、就业等社会公益事业领域的内容,通过优质的信息服务努力增强人民群众获得感,全部通过区政府网站公开。\n(2)公开栏公开:在街道办事处设党务、政务公开栏和公共服务中心信息公开栏、各社区设政务、居务公开栏和便民服务中心信息公开栏,对政务信息、政府文件等进行公开,对已有的内容不断更新和补充。\n一是公开了街道党政领导班子成员分工、职责情况,包括领导干部姓名、照片、办公电话、值班电话等;机构设置及职责情况,社保大厅工作人员照片、工作职责、办事依据、办事程序、办事期限、办事结果、投诉受理;街道年度工作计划、要点、总结;干部职工任免、录用情况和干部交流情况;\n二是公开了社区居委会成员职责分工、网格分布情况、服务时间、联系方式、办事程序;社区服务指南;社区居委会换届选举,成员的依法撤换、罢免和补选情况;低保、医保和大病救助情况;计划生育(政策类、服务类、程序类);计划生育动态公示;低保政策、动态公示内容;残疾评定情况、重残护理补贴申请和残疾人贫困生活补贴申请情况公示;个人社保补贴和单位社保补贴公示;以及经居民代表会议决定或居民申请要求公开的其他内容。\n(3)张贴公开:对重点工程项目招投标情况、中标结果、社会救助和社会福利、低保金和临时救助金发放情况;民生资金发放、保险待遇领取等涉及群众切身利益、群众关心的事项办理情况、办理结果、发放结果按照相关法律法规和文件要求进行了公开、公示、公告。\n(4)其他形式\n采取召开党员大会、组织生活会、评议会议等形式对不适合公开栏、媒体等形式公开的内容进行了公开,运用文件、通报、简报、公告、宣传资料等文字为载体,及时组织学习、传达。\n(二)依申请公开情况。\n2019年度,联芳街道未接到政府信息公开申请。\n(三)平台建设情况\n2019年,街道将门户网站、微信公众号、微博等所有平台都注销,统一在区政府门户网站公开街道政府信息。\n(四)监督保障\n2019年,联芳街道无行政复议或行政诉讼发生。全年,联芳街道对政府信息公开工作人员开展了3次业务培训,成立了政务公开工作小组,制定了《联芳街道办事处政府信息公开指南》、《联芳街道办事处政府信息公开内容审核制度》,下发了《联芳街道2019年政府公开实施方案》。"
    static let lianfang2019SectionFive =
        "存在的问题:一是工作人员业务能力有待加强。工作人员信息采编能力、审核能力以及网站内容保障的专业化、规范化水平还不够;二是相关职能科室对于新形势下做好政务公开工作的重大意义的认识还不足,主动、及时公开的意识还需加强。\n改进的措施:一是加强业务培训,提高政府信息公开工作人员的业务水平。计划在2020年每个季度都开展至少1次政务公开工作培训。通过培训,提高街道工作人员对政务工作的认识,加强他们的业务能力。二是完善政府信息公开制度。以《中华人民共和国政府信息公开条例》(2019年修订版)为依据,结合市、区相关文件,尽快完善联芳街道的政务公开制度,通过建立制度,明确各科室职能,保证政府信息公开及时准确。"
    static let lianfang2019SectionSix = "一是希望上级部门就政府信息公开工作、政府信息制度建设方面加强对街道的指导和培训。二是希望能够拓宽政府信息公开工作渠道。"

    /// 第二十条's kinds and the other standing columns of a catalogue.
    static let categories: [(String, String)] = [
        ("政策文件", "第二十条第（一）项"), ("机构职能", "第二十条第（二）项"), ("规划计划", "第二十条第（三）项"),
        ("统计信息", "第二十条第（四）项"), ("行政许可和对外管理服务", "第二十条第（五）项"), ("行政处罚和行政强制", "第二十条第（六）项"),
        ("财政预算决算", "第二十条第（七）项"), ("行政事业性收费", "第二十条第（八）项"), ("政府集中采购", "第二十条第（九）项"),
        ("重大建设项目", "第二十条第（十）项"), ("扶贫、教育、医疗、社会保障、促进就业", "第二十条第（十一）项"),
        ("突发公共事件应急预案", "第二十条第（十二）项"), ("环境保护、公共卫生、安全生产", "第二十条第（十三）项"),
        ("公务员招考录用", "第二十条第（十四）项"), ("公示公告", "第二十一条"), ("其他", "第二十条第（十五）项"),
        ("政府信息公开指南和制度", "第十二条"), (annualReportCategory, "第五十条"),
    ]

    struct AgencySeed {
        var code: String
        var name: String
        var kind: AgencyKind
        var parent: String?
        var address: String
        var phone: String
        var head: String
        var functions: String
    }

    /// The 文号 prefixes of the demo's answers.
    static let letterPrefixes = [
        "重庆市沙坪坝区人民政府": "沙府信公复", "重庆市沙坪坝区教育委员会": "沙教委信公复", "重庆市沙坪坝区民政局": "沙民政信公复",
        "重庆市沙坪坝区联芳街道办事处": "联芳信公复", "重庆市沙坪坝区小龙坎街道办事处": "小龙坎信公复", "重庆市沙坪坝区青木关镇人民政府": "青木关信公复",
    ]

    static let agencies: [AgencySeed] = [
        AgencySeed(
            code: districtCode, name: "重庆市沙坪坝区人民政府", kind: .districtGovernment, parent: nil, address: "重庆市沙坪坝区政府办公大楼", phone: "023-65311000",
            head: "区长",
            functions: "执行区人民代表大会及其常务委员会的决议，以及上级国家行政机关的决定和命令，规定行政措施，发布决定和命令。\n领导所属各工作部门和下级人民政府的工作。"),
        AgencySeed(
            code: "11500106009208124Q", name: "重庆市沙坪坝区教育委员会", kind: .department, parent: districtCode, address: "重庆市沙坪坝区教育大楼", phone: "023-65362000",
            head: "主任",
            functions: "贯彻执行国家教育方针、政策和法律法规，统筹规划全区教育事业发展。"),
        AgencySeed(
            code: "11500106009208212F", name: "重庆市沙坪坝区民政局", kind: .department, parent: districtCode, address: "重庆市沙坪坝区民政大楼", phone: "023-65318000",
            head: "局长",
            functions: "拟订全区民政事业发展规划，负责最低生活保障、特困人员救助供养、临时救助等社会救助工作。"),
        AgencySeed(
            code: lianfangCode, name: "重庆市沙坪坝区联芳街道办事处", kind: .subdistrict, parent: districtCode, address: "重庆市沙坪坝区联芳街道联芳路", phone: "023-65263000",
            head: "街道办事处主任",
            functions: "贯彻执行党和国家的路线、方针、政策，落实区委、区政府的工作部署。\n负责辖区社会事务、社区建设、民政、社会保障、计划生育、综合治理等工作。"),
        AgencySeed(
            code: "11500106009208300B", name: "重庆市沙坪坝区小龙坎街道办事处", kind: .subdistrict, parent: districtCode, address: "重庆市沙坪坝区小龙坎正街",
            phone: "023-65312000", head: "街道办事处主任",
            functions: "负责辖区社会事务、社区建设和公共服务。"),
        AgencySeed(
            code: "11500106009208401X", name: "重庆市沙坪坝区青木关镇人民政府", kind: .town, parent: districtCode, address: "重庆市沙坪坝区青木关镇", phone: "023-65720000",
            head: "镇长",
            functions: "负责全镇经济发展、社会事务和公共服务。"),
        AgencySeed(
            code: "11500106L0001", name: "联芳社区居民委员会", kind: .community, parent: lianfangCode, address: "联芳街道联芳社区", phone: "023-65263101",
            head: "社区主任", functions: "社区公开栏所在地。"),
        AgencySeed(
            code: "11500106L0002", name: "土湾社区居民委员会", kind: .community, parent: lianfangCode, address: "联芳街道土湾社区", phone: "023-65263102",
            head: "社区主任", functions: "社区公开栏所在地。"),
    ]

    /// Loads the demo district unless it is there already, and gives the demo accounts new passwords.
    /// Returns the accounts with their passwords, to print.
    /// `applications`: also applications to 联芳街道 in every state of the workflow (`serve --demo`; tests that count
    /// applications start without them).
    public static func load(
        on db: any Database, passwords: AsyncPasswordHasher, today: Day, applications: Bool = false
    ) async throws -> [(username: String, password: String, role: String, agency: String)] {
        if try await AgencyRecord.query(on: db).filter(\.$code == lianfangCode).first() == nil {
            try await db.transaction { db in
                try await seed(on: db, today: today)
                if let sql = db as? any SQLDatabase { try await SearchIndex(sql: sql).rebuild() }
                // 联芳街道's 2019 report, computed from its records and published as it was, in January 2020.
                if let lianfang = try await AgencyRecord.query(on: db).filter(\.$code == lianfangCode).first() {
                    // Its sections 一, 五 and 六 as the real report printed them.
                    try await AnnualReports(db: db).saveDraft(
                        agency: lianfang, year: 2019, sections: [1: lianfang2019SectionOne, 5: lianfang2019SectionFive, 6: lianfang2019SectionSix],
                        by: Audit.Actor.demo)
                    try await AnnualReports(db: db).publish(agency: lianfang, year: 2019, by: Audit.Actor.demo, today: Day(iso: "2020-01-20")!)
                }
            }
        }
        var accounts: [(String, String, String, String)] = []
        let specs: [(String, String, StaffRole, String?)] = [
            ("admin", "系统管理员", .administrator, nil),
            ("district-supervisor", "区政务公开办", .supervisor, districtCode),
            ("lianfang-editor", "联芳街道信息员", .editor, lianfangCode),
            ("lianfang-reviewer", "联芳街道审核员", .reviewer, lianfangCode),
            ("lianfang-officer", "联芳街道依申请经办人", .officer, lianfangCode),
            ("lianfang-head", "联芳街道党政办主任", .officeHead, lianfangCode),
            ("minzheng-editor", "区民政局信息员", .editor, "11500106009208212F"),
            ("minzheng-reviewer", "区民政局审核员", .reviewer, "11500106009208212F"),
        ]
        for (username, name, role, agencyCode) in specs {
            let agency = try await agencyCode.asyncMap { code in try await AgencyRecord.query(on: db).filter(\.$code == code).first() } ?? nil
            let password = randomPassword()
            let hash = try await passwords.hash(password)
            if let existing = try await StaffRecord.query(on: db).filter(\.$username == username).first() {
                existing.passwordHash = hash
                existing.failedLogins = 0
                try await existing.save(on: db)
            } else {
                try await StaffRecord(username: username, displayName: name, passwordHash: hash, role: role.rawValue, agencyID: agency?.id).create(
                    on: db)
            }
            accounts.append((username, password, role.label, agency?.name ?? "全部"))
        }
        if applications, let lianfang = try await AgencyRecord.query(on: db).filter(\.$code == lianfangCode).first(),
            try await ApplicationRecord.query(on: db).filter(\.$agency.$id == lianfang.requireID()).count() == 0,
            let officer = try await StaffRecord.query(on: db).filter(\.$username == "lianfang-officer").first(),
            let head = try await StaffRecord.query(on: db).filter(\.$username == "lianfang-head").first()
        {
            try await DemoApplications.load(on: db, officer: StaffUser(officer), head: StaffUser(head), agency: lianfang, today: today)
        }
        return accounts
    }

    static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<12).map { _ in alphabet.randomElement()! })
    }

    private static func seed(on db: any Database, today: Day) async throws {
        var byCode: [String: AgencyRecord] = [:]
        for (position, seed) in agencies.enumerated() {
            let agency = AgencyRecord(
                code: seed.code, name: seed.name, kind: seed.kind, parentID: seed.parent.flatMap { byCode[$0]?.id }, position: position)
            agency.functions = seed.functions
            agency.organisation = seed.kind == .community ? "" : "内设党政办公室、社会事务办公室、经济发展办公室、城市管理办公室等机构。"
            agency.address = seed.address
            agency.officeHours = "工作日上午9:00—12:00，下午14:00—17:30（法定节假日除外）"
            agency.phone = seed.phone
            agency.fax = seed.phone.replacingOccurrences(of: "000", with: "009")
            agency.email = "gk\(seed.code.suffix(4).lowercased())@cqspb.gov.cn"
            agency.headName = seed.head
            agency.disclosureOffice = seed.kind == .community ? "" : "\(seed.name)政府信息公开工作机构（党政办公室）"
            agency.letterNumberPattern = letterPrefixes[seed.name].map { "\($0)〔{year}〕{seq}号" } ?? ""
            // 行政复议法 第二十四条: the district government answers to the city's; the others' body is found above them.
            if seed.kind == .districtGovernment { agency.reconsiderationBody = "重庆市人民政府" }
            if seed.kind.takesApplications {
                agency.feePayment = "通过非税收入统一缴款平台缴纳（收款单位：\(seed.name)），缴款码随本通知一并送达；或于工作时间到\(seed.address)窗口缴纳。"
            }
            agency.guide = """
                # 一、主动公开
                本机关依据《中华人民共和国政府信息公开条例》第十九条、第二十条主动公开政府信息，公开范围见本机关政府信息公开目录。
                主动公开的政府信息通过区政府门户网站、政务公开栏、公示栏等途径公开，自信息形成或者变更之日起20个工作日内予以公开。

                # 二、依申请公开
                公民、法人或者其他组织可以向本机关申请获取相关政府信息。申请应当采用书面形式（包括数据电文形式），可以当面提交、邮寄或者通过互联网提交。
                申请内容应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。
                本机关收到申请，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。

                # 三、收费
                本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》收取信息处理费。

                # 四、监督和救济
                公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。
                """
            try await agency.create(on: db)
            byCode[seed.code] = agency
        }

        let editor = StaffRecord(
            username: "demo-seed", displayName: Audit.Actor.demo, passwordHash: "!", role: StaffRole.editor.rawValue, agencyID: nil)
        try await editor.create(on: db)
        var random = SampleReports.Generator(state: 20191231)
        for seed in agencies where seed.kind.reportsYearly {
            let agency = byCode[seed.code]!
            var categoryIDs: [String: UUID] = [:]
            for (position, (name, article)) in categories.enumerated() {
                let category = CategoryRecord(agencyID: agency.id!, name: name, article: article, position: position)
                try await category.create(on: db)
                categoryIDs[name] = category.id
            }
            var sequences: [Int: Int] = [:]
            var indexByTitle: [String: String] = [:]
            func add(
                _ title: String, category: String, written: Day, published: Day, channels: [PublicationChannel], place: String = "",
                posting: (Day, Day)? = nil, documentNumber: String = "", normative: Bool = false, interprets: String? = nil, body: String
            ) async throws {
                let year = written.year
                let sequence = (sequences[year] ?? 0) + 1
                sequences[year] = sequence
                let item = ItemRecord()
                item.isRule = false
                item.$agency.id = agency.id!
                item.$category.id = categoryIDs[category]!
                item.indexNumber = IndexNumber.make(pattern: agency.indexPattern, code: agency.code, year: year, sequence: sequence)
                item.title = title
                item.documentNumber = documentNumber
                item.interprets = interprets.flatMap { indexByTitle[$0] }
                item.issuingAgency = seed.name
                item.summary = String(body.prefix { $0 != "\n" }.prefix(60))
                item.body = body
                item.writtenOn = written.iso
                item.publishedOn = published.iso
                // Normative documents (有效性) come from governments and departments; a subdistrict issues none.
                item.validity = normative ? Validity.inForce.rawValue : nil
                item.channels = channels.map(\.rawValue).joined(separator: ",")
                item.bulletinPlace = place
                item.postingFrom = posting?.0.iso
                item.postingTo = posting?.1.iso
                item.state = PublicationState.published.rawValue
                item.$draftedBy.id = editor.id!
                item.version = 1
                item.daysLate = PublicationDeadline.daysLate(created: written, published: published)
                try await item.create(on: db)
                indexByTitle[title] = item.indexNumber
            }
            var plan = DemoPlan(seed: seed, random: random)
            func add(_ entry: DemoPlan.Entry, published: Day) async throws {
                try await add(
                    entry.title, category: entry.category, written: entry.written, published: published, channels: entry.channels,
                    place: entry.place,
                    posting: entry.postingDays.map { (published, WorkdayCalendar.official.adding(workingDays: $0, to: published)) },
                    documentNumber: entry.documentNumber, normative: entry.normative, interprets: entry.interprets, body: entry.body)
            }
            // 联芳街道's 2019 (the fixture report): 152 items on the website, as its report says — its year's work, the
            // news filling or trimmed to that number.
            if seed.code == lianfangCode {
                var year = plan.entries(from: Day(iso: "2019-01-07")!, through: Day(iso: "2019-12-20")!, bulletins: false)
                while year.count > 152, let index = year.lastIndex(where: { $0.category == "其他" }) { year.remove(at: index) }
                var extra = Day(iso: "2019-01-09")!
                while year.count < 152 {
                    year.append(plan.news(extra))
                    extra = extra.adding(days: 3)
                    if extra.year > 2019 { extra = Day(iso: "2019-01-10")! }
                }
                year.sort { $0.written < $1.written }
                for entry in year.prefix(152) {
                    var entry = entry
                    (entry.channels, entry.place, entry.postingDays) = ([.website], "", nil)
                    try await add(entry, published: WorkdayCalendar.official.adding(workingDays: 1 + Int(random.next() % 3), to: entry.written))
                }
                // Its registers: 51 centralised procurement projects worth 288.829万元; three trainings in 2019, two in 2020.
                let procurement = RegisterRecord()
                procurement.$agency.id = agency.id!
                procurement.year = 2019
                procurement.kind = ReportFacts.RegisterKind.procurement.rawValue
                (procurement.previousCount, procurement.change, procurement.decisions, procurement.count, procurement.amount) = (
                    0, 0, 0, 51, "288.829"
                )
                try await procurement.create(on: db)
                for (date, topic) in [
                    ("2019-04-18", "《政府信息公开条例》（2019年修订）解读"), ("2019-08-22", "政府信息公开内容审核与保密审查"), ("2019-11-14", "政务公开栏规范化管理"),
                    ("2020-03-12", "依申请公开答复规范"), ("2020-09-17", "主动公开目录编制"),
                ] {
                    let training = TrainingRecord()
                    training.$agency.id = agency.id!
                    (training.heldOn, training.topic, training.attendees) = (date, topic, 18)
                    try await training.create(on: db)
                }
                // The first three quarters' 公示 on its boards, each put up after its quarter, and the 临时救助 results posted.
                for (n, place) in ["街道办事处政务公开栏", "联芳社区公开栏", "土湾社区公开栏"].enumerated() {
                    let written = Day(year: 2019, month: 4 + n * 3, day: 10) ?? Day(ordinal: 0)
                    let published = WorkdayCalendar.official.adding(workingDays: 2, to: written)
                    try await add(
                        "2019年第\(["一", "二", "三"][n])季度城乡低保、医疗救助情况公示", category: "扶贫、教育、医疗、社会保障、促进就业", written: written, published: published,
                        channels: [.bulletinBoard], place: place,
                        posting: (published, WorkdayCalendar.official.adding(workingDays: 7, to: published)),
                        body:
                            "根据《重庆市最低生活保障条例》，现将2019年第\(["一", "二", "三"][n])季度城乡低保、医疗救助情况公示如下（名单张贴于\(place)）。\n\n公示期为7个工作日。如有异议，请向联芳街道社会事务办公室反映，联系电话：\(seed.phone)。"
                    )
                    let results = written.adding(days: 20)
                    let posted = WorkdayCalendar.official.adding(workingDays: 2, to: results)
                    try await add(
                        "2019年第\(["一", "二", "三"][n])季度临时救助金发放结果张贴公示", category: "公示公告", written: results, published: posted,
                        channels: [.posting], place: place, posting: (posted, WorkdayCalendar.official.adding(workingDays: 7, to: posted)),
                        body: "现将2019年第\(["一", "二", "三"][n])季度临时救助金发放结果张贴于\(place)，予以公示。")
                }
            }
            // A year of work up to today, for every agency, and what is on notice today.
            for entry in plan.entries(from: today.adding(days: -365), through: today.adding(days: -3)) {
                let published = WorkdayCalendar.official.adding(workingDays: 1 + Int(random.next() % 3), to: entry.written)
                if published <= today { try await add(entry, published: published) }
            }
            for entry in plan.onNotice(today: today) { try await add(entry, published: entry.written) }
            random = plan.random
            for counter in sequences {
                let record = IndexCounterRecord()
                record.$agency.id = agency.id!
                record.year = counter.key
                record.next = counter.value + 1
                try await record.create(on: db)
            }
        }
    }
}
