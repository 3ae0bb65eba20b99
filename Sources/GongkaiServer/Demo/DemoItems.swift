import Gongkai

/// What each agency of the demo district publishes, by the calendar of its work, so that a disclosure officer would
/// believe it: a quarter's 公示 written after the quarter ends, by the agency that owns the matter (低保 by the
/// subdistricts, towns and the 民政局, student aid by the 教育委员会); the lists in a 公示 masked (「王*华」); budgets in
/// February, final accounts in August; policy documents with their 文号 from the governments and departments that issue
/// them; between them the agency's news. Bodies follow the 公文 style: the basis, the matter, the contact, the issuer
/// and the date.
struct DemoPlan {
    struct Entry {
        var written: Day
        var category: String
        var title: String
        var documentNumber = ""
        var body: String
        var channels: [PublicationChannel] = [.website]
        var place = ""
        /// The posting period in working days from publication (公示), if any.
        var postingDays: Int? = nil
        /// A normative document (政策文件 of a government or department): 有效性 applies.
        var normative = false
        /// An interpretation (政策解读): the title of the policy it interprets, written before it.
        var interprets: String? = nil
    }

    let seed: DemoSeed.AgencySeed
    var random: SampleReports.Generator
    private var numbers: [String: Int] = [:]
    /// The news titles used already: each month's topics are drawn without repeating.
    private var usedNews: Set<String> = []

    init(seed: DemoSeed.AgencySeed, random: SampleReports.Generator) {
        self.seed = seed
        self.random = random
    }

    /// The agency's name as its own titles write it: 「联芳街道」, 「青木关镇」, 「沙坪坝区民政局」.
    var short: String {
        guard isLocal else { return seed.name.replacingOccurrences(of: "重庆市", with: "") }
        return seed.name.replacingOccurrences(of: "重庆市沙坪坝区", with: "").replacingOccurrences(of: "办事处", with: "")
            .replacingOccurrences(of: "人民政府", with: "")
    }
    private var isCivilAffairs: Bool { seed.name.hasSuffix("民政局") }
    private var isEducation: Bool { seed.name.hasSuffix("教育委员会") }
    private var isLocal: Bool { seed.kind == .subdistrict || seed.kind == .town }
    private var board: String { "\(short)政务公开栏" }

    /// The 文号 prefix of the documents this agency issues, if it issues any.
    private var documentPrefix: String? {
        switch seed.kind {
        case .districtGovernment: "沙府发"
        case .department: isEducation ? "沙教委发" : isCivilAffairs ? "沙民政发" : "沙府办发"
        default: nil
        }
    }

    private mutating func documentNumber(_ year: Int) -> String {
        guard let prefix = documentPrefix else { return "" }
        let n = (numbers["\(year)"] ?? 0) + 1 + Int(random.next() % 3)
        numbers["\(year)"] = n
        return "\(prefix)〔\(year)〕\(n)号"
    }

    private mutating func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }

    /// The closing of a 公文: who to ask, the issuer and the date.
    private func closing(_ day: Day, contact: String = "") -> String {
        let ask = contact.isEmpty ? "" : "\n\n\(contact)联系电话：\(seed.phone)。"
        return "\(ask)\n\n\(seed.name)\n\(day.parts.year)年\(day.parts.month)月\(day.parts.day)日"
    }

    /// `count` masked lines of a 低保 or aid list: name, community, household size and the monthly amount.
    private mutating func maskedList(_ count: Int, amount: ClosedRange<Int>, unit: String) -> String {
        let surnames = Array("王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗")
        let given = Array("明华芳兰军平英伟秀丽强敏静桂琴文春德")
        let places =
            isCivilAffairs
            ? ["联芳街道", "小龙坎街道", "青木关镇"]
            : seed.code == DemoSeed.lianfangCode
                ? ["联芳社区", "土湾社区", "联芳花园社区"]
                : seed.kind == .town ? ["关口村", "四楞碑村", "青木关社区"] : ["正街社区", "新桥社区", "滨江社区"]
        return (0..<count).map { _ in
            let name = "\(pick(surnames))*\(pick(given))"
            let people = 1 + Int(random.next() % 4)
            let money = amount.lowerBound + Int(random.next() % UInt64(amount.count)) / 10 * 10
            return "- \(name)，\(pick(places))，家庭人口\(people)人，\(unit)\(money)元"
        }.joined(separator: "\n")
    }

    /// Everything the agency writes from `from` through `through`, in order of writing. `bulletins`: false leaves out
    /// the quarterly 公示 put up on boards (联芳街道's 2019 has its own, as its report counts them).
    mutating func entries(from: Day, through: Day, bulletins: Bool = true) -> [Entry] {
        var out: [Entry] = []
        var month = Day(year: from.year, month: from.month, day: 1) ?? from
        while month <= through {
            out += scheduled(year: month.year, month: month.month, bulletins: bulletins)
            month = Day(year: month.month == 12 ? month.year + 1 : month.year, month: month.month % 12 + 1, day: 1) ?? through.adding(days: 1)
        }
        out = out.filter { $0.written >= from && $0.written <= through }
        // The agency's news between them, every week or two.
        var day = from.adding(days: Int(random.next() % 5))
        while day <= through {
            out.append(news(day))
            day = day.adding(days: 6 + Int(random.next() % 7))
        }
        // Written on working days: a day off moves to the next working day.
        for index in out.indices {
            while !WorkdayCalendar.official.isWorkday(out[index].written) { out[index].written = out[index].written.adding(days: 1) }
        }
        return out.sorted { $0.written < $1.written }
    }

    private mutating func scheduled(year y: Int, month m: Int, bulletins: Bool) -> [Entry] {
        var out: [Entry] = []
        // NB: every day asked for is at most the 27th, which every month has.
        func on(_ day: Int) -> Day { Day(year: y, month: m, day: min(day, 27)) ?? Day(ordinal: 0) }
        let previous = m == 1 ? (y - 1, 12) : (y, m - 1)
        // Monthly figures, early in the next month.
        if seed.kind == .districtGovernment {
            out.append(
                Entry(
                    written: on(8), category: "统计信息", title: "\(previous.0)年\(previous.1)月沙坪坝区经济运行情况",
                    body:
                        "\(previous.0)年\(previous.1)月，全区经济运行总体平稳，主要指标保持在合理区间。\n\n一、工业生产\n规模以上工业增加值同比增长，重点行业运行平稳。\n\n二、消费和投资\n社会消费品零售总额、固定资产投资较上月有所回升。\n\n以上数据为初步统计数，以正式公布为准。"
                        + closing(on(8))))
        }
        if isCivilAffairs {
            out.append(
                Entry(
                    written: on(6), category: "统计信息", title: "\(previous.0)年\(previous.1)月全区社会救助保障情况",
                    body:
                        "截至\(previous.0)年\(previous.1)月底，全区共有城乡低保对象\(3000 + Int(random.next() % 400))户、特困人员\(400 + Int(random.next() % 60))人；当月发放城乡低保金、特困人员救助供养金和临时救助金，均已足额发放到户。"
                        + closing(on(6), contact: "如有疑问，请与区民政局社会救助科联系，")))
        }
        // The quarter's 公示, after the quarter.
        if [1, 4, 7, 10].contains(m) {
            let (qy, quarter) = m == 1 ? (y - 1, 4) : (y, (m - 1) / 3)
            let q = ["一", "二", "三", "四"][quarter - 1]
            if isLocal, bulletins {
                let day = on(10)
                out.append(
                    Entry(
                        written: day, category: "扶贫、教育、医疗、社会保障、促进就业", title: "\(qy)年第\(q)季度城乡低保对象动态管理情况公示",
                        body: "根据《重庆市最低生活保障条例》和有关规定，经本人申请、社区（村）评议、街道（镇）审核确认，现将\(qy)年第\(q)季度城乡低保对象动态管理情况公示如下：\n\n新增保障对象：\n"
                            + maskedList(3, amount: 620...1860, unit: "月保障金额")
                            + "\n\n公示期为7个工作日。如有异议，请于公示期内以书面形式向本机关反映，本机关将依法核实处理。"
                            + closing(day, contact: "联系部门：\(short)社会事务办公室，"),
                        channels: [.website, .bulletinBoard], place: board, postingDays: 7))
                out.append(
                    Entry(
                        written: on(12), category: "公示公告", title: "\(qy)年第\(q)季度临时救助发放情况公示",
                        body: "根据《重庆市临时救助办法》，现将本辖区\(qy)年第\(q)季度临时救助发放情况公示如下：\n\n"
                            + maskedList(2, amount: 500...3000, unit: "救助金额") + "\n\n公示期为7个工作日。"
                            + closing(on(12), contact: "如有异议，请与\(short)社会事务办公室联系，"),
                        channels: [.website, .bulletinBoard], place: board, postingDays: 7))
            }
            if isCivilAffairs {
                out.append(
                    Entry(
                        written: on(15), category: "扶贫、教育、医疗、社会保障、促进就业", title: "\(qy)年第\(q)季度全区城乡低保和特困人员救助供养资金发放情况",
                        body:
                            "\(qy)年第\(q)季度，全区按时足额发放城乡低保金、特困人员救助供养金。各街道、镇发放情况如下：\n\n- 联芳街道：城乡低保\(180 + Int(random.next() % 30))户\n- 小龙坎街道：城乡低保\(210 + Int(random.next() % 30))户\n- 青木关镇：城乡低保\(260 + Int(random.next() % 30))户\n\n资金均通过“一卡通”发放到户。"
                            + closing(on(15))))
            }
        }
        // Once a year, in its month.
        switch m {
        case 1:
            out.append(
                Entry(
                    written: on(20), category: "规划计划", title: "\(short)\(y - 1)年工作总结",
                    body:
                        "\(y - 1)年，\(short)在区委、区政府的坚强领导下，认真履行职能职责，各项工作取得新成效。\n\n一、主要工作及成效\n围绕年度目标任务，扎实推进重点工作。\n\n二、存在的问题\n工作的系统性、精细化水平还有提升空间。\n\n三、\(y)年工作打算\n进一步强化责任落实，推动各项工作提质增效。"
                        + closing(on(20))))
        case 2:
            out.append(
                Entry(
                    written: on(24), category: "财政预算决算", title: "\(short)\(y)年部门预算",
                    body: "根据《中华人民共和国预算法》和区财政局关于预算公开的要求，现将本机关\(y)年部门预算公开如下：\n\n一、部门基本情况\n二、收支预算总表\n三、“三公”经费预算情况说明\n\n详见附表。"
                        + closing(on(24), contact: "如有疑问，请与本机关财务室联系，")))
            out.append(
                Entry(
                    written: on(27), category: "规划计划", title: "\(short)\(y)年工作要点",
                    body: "\(y)年是推进各项工作的关键之年。为做好全年工作，结合实际，制定本工作要点。\n\n一、总体要求\n二、重点任务\n三、保障措施" + closing(on(27))))
        case 3:
            out.append(
                Entry(
                    written: on(16), category: "规划计划", title: "\(short)\(y)年政务公开工作要点",
                    body: "为深入贯彻《中华人民共和国政府信息公开条例》，根据区政务公开工作安排，结合本机关实际，制定本要点。\n\n一、加强主动公开\n二、规范依申请公开\n三、加强政务公开平台建设\n四、强化监督保障"
                        + closing(on(16))))
            if seed.kind == .districtGovernment {
                out.append(
                    Entry(
                        written: on(20), category: "统计信息", title: "\(y - 1)年沙坪坝区国民经济和社会发展统计公报",
                        body:
                            "\(y - 1)年，面对复杂严峻的外部环境，全区上下坚持稳中求进工作总基调，经济社会发展主要目标任务较好完成。\n\n一、综合\n二、工业和建筑业\n三、固定资产投资\n四、国内贸易\n五、人民生活和社会保障\n\n注：公报中部分数据为初步统计数。"
                            + closing(on(20))))
            }
            if isEducation, bulletins {
                out.append(studentAid(on(25), "\(y)年春季学期"))
            }
        case 4:
            if isEducation {
                let number = documentNumber(y)
                out.append(
                    Entry(
                        written: on(22), category: "政策文件", title: "关于做好\(y)年义务教育阶段招生入学工作的通知", documentNumber: number,
                        body:
                            "各中小学校：\n\n为做好\(y)年全区义务教育阶段招生入学工作，保障适龄儿童少年依法接受义务教育，现将有关事项通知如下。\n\n一、基本原则\n坚持免试就近入学。\n\n二、招生对象和条件\n三、工作安排\n四、工作要求\n\n本通知自印发之日起施行。"
                            + closing(on(22)), normative: true))
            }
            if seed.kind == .districtGovernment || seed.kind == .department {
                out.append(
                    Entry(
                        written: on(15), category: "政府集中采购", title: "\(short)办公设备采购项目成交结果公告",
                        body:
                            "一、项目名称：\(short)\(y)年办公设备采购项目\n二、采购方式：询价\n三、成交供应商：重庆某某科技有限公司\n四、成交金额：\(8 + Int(random.next() % 20)).\(Int(random.next() % 10))万元\n\n公告期限为1个工作日。"
                            + closing(on(15), contact: "采购人：\(seed.name)，")))
            }
        case 5:
            out.append(
                Entry(
                    written: on(20), category: "突发公共事件应急预案", title: "\(short)\(y)年防汛抗旱应急预案",
                    body: "为做好\(y)年防汛抗旱工作，保障人民群众生命财产安全，根据《中华人民共和国防洪法》《重庆市防汛抗旱应急预案》，制定本预案。\n\n一、组织机构及职责\n二、预警和响应\n三、应急处置\n四、保障措施"
                        + closing(on(20))))
        case 6:
            let number = seed.kind == .districtGovernment || seed.kind == .department ? documentNumber(y) : ""
            out.append(
                Entry(
                    written: on(2), category: "环境保护、公共卫生、安全生产", title: "关于开展\(y)年“安全生产月”活动的通知", documentNumber: number,
                    body: "各有关单位：\n\n今年6月是第\(y - 2001)个全国“安全生产月”。为进一步强化安全发展理念，现就开展\(y)年“安全生产月”活动通知如下。\n\n一、活动主题\n二、活动内容\n三、工作要求"
                        + closing(on(2))))
        case 7:
            if isCivilAffairs {
                let policy = "关于调整\(y)年城乡低保标准的通知"
                out.append(
                    Entry(
                        written: on(6), category: "政策文件", title: "《\(policy)》政策解读",
                        body:
                            "一、出台背景\n为保障困难群众基本生活，根据市民政局、市财政局有关文件精神，调整我区城乡低保标准。\n\n二、主要内容\n自\(y)年7月1日起，城市和农村低保标准相应提高，低保对象的保障金额按新标准计算。\n\n三、执行时间\n新标准自\(y)年7月1日起执行，此前已纳入保障的对象按新标准补发差额。"
                            + closing(on(6), contact: "如有疑问，请与区民政局社会救助科联系，"), interprets: policy))
                out.append(
                    Entry(
                        written: on(3), category: "政策文件", title: policy, documentNumber: documentNumber(y),
                        body:
                            "各街道办事处、镇人民政府：\n\n根据市民政局、市财政局有关文件精神，经区政府同意，自\(y)年7月1日起调整我区城乡低保标准。现将有关事项通知如下。\n\n一、城市低保标准由每人每月调整为新标准。\n二、农村低保标准相应调整。\n三、各街道、镇要做好调标后的资金发放工作。"
                            + closing(on(3)), normative: true))
            }
        case 8:
            out.append(
                Entry(
                    written: on(26), category: "财政预算决算", title: "\(short)\(y - 1)年部门决算",
                    body: "根据《中华人民共和国预算法》和区财政局关于决算公开的要求，现将本机关\(y - 1)年部门决算公开如下：\n\n一、部门基本情况\n二、收入支出决算总表\n三、“三公”经费支出情况说明\n\n详见附表。"
                        + closing(on(26), contact: "如有疑问，请与本机关财务室联系，")))
        case 9:
            if isLocal {
                out.append(
                    Entry(
                        written: on(10), category: "扶贫、教育、医疗、社会保障、促进就业", title: "关于开展\(y + 1)年度城乡居民医疗保险集中参保缴费工作的公告",
                        body: "根据区医疗保障局工作安排，\(y + 1)年度城乡居民医疗保险集中参保缴费工作已经开始，现将有关事项公告如下：\n\n一、参保对象\n二、缴费标准\n三、缴费方式：可通过“渝快办”、银行网点或社区（村）代收点缴纳。"
                            + closing(on(10), contact: "咨询请与\(short)社会保障服务中心联系，")))
            }
            if isEducation {
                out.append(
                    Entry(
                        written: on(12), category: "政府集中采购", title: "\(short)\(y)—\(y + 1)学年学生课后服务采购项目成交结果公告",
                        body: "一、项目名称：\(y)—\(y + 1)学年学生课后服务项目\n二、采购方式：竞争性磋商\n三、成交金额：详见附件\n\n公告期限为1个工作日。" + closing(on(12))))
            }
        case 10:
            if isEducation, bulletins { out.append(studentAid(on(24), "\(y)年秋季学期")) }
        case 11:
            if isCivilAffairs {
                out.append(
                    Entry(
                        written: on(18), category: "政策文件", title: "关于做好\(y)—\(y + 1)年冬春困难群众基本生活保障工作的通知", documentNumber: documentNumber(y),
                        body: "各街道办事处、镇人民政府：\n\n为切实保障好冬春期间困难群众基本生活，现就有关工作通知如下。\n\n一、全面排查摸底\n二、及时实施救助\n三、加强资金监管" + closing(on(18)),
                        normative: true))
            }
        default: break
        }
        return out
    }

    /// The 教育委员会's 公示 of a term's student aid: masked names and schools.
    private mutating func studentAid(_ day: Day, _ term: String) -> Entry {
        let surnames = Array("王李张刘陈杨黄赵周吴")
        let given = Array("子涵一诺欣怡浩然梓轩雨桐")
        let schools = ["沙坪坝区联芳小学", "沙坪坝区小龙坎小学", "沙坪坝区青木关中学"]
        let lines = (0..<4).map { _ in "- \(pick(surnames))*\(pick(given))，\(pick(schools))，\(pick(["一等", "二等"]))资助" }
        return Entry(
            written: day, category: "扶贫、教育、医疗、社会保障、促进就业", title: "\(term)家庭经济困难学生资助名单公示",
            body: "根据学生资助政策有关规定，经学生申请、学校评议，现将\(term)家庭经济困难学生资助名单公示如下（部分）：\n\n" + lines.joined(separator: "\n")
                + "\n\n公示期为5个工作日。如有异议，请向所在学校或区学生资助管理中心反映。" + closing(day),
            channels: [.website], postingDays: 5)
    }

    /// A piece of the agency's news (工作动态) on `day`, on a topic of its month not yet written about.
    mutating func news(_ written: Day) -> Entry {
        var day = written
        while !WorkdayCalendar.official.isWorkday(day) { day = day.adding(days: 1) }
        let m = "\(day.parts.month)月"
        let topics: [String] =
            switch seed.kind {
            case .districtGovernment:
                ["召开\(m)区政府常务会议", "召开\(m)全区安全生产工作会议", "召开\(m)优化营商环境工作推进会", "开展\(m)重点项目现场督查", "召开\(m)民生实事工作推进会", "召开\(m)全区信访工作会议"]
            case .department:
                isEducation
                    ? ["召开\(m)全区中小学安全工作会议", "开展\(m)校园食品安全专项检查", "开展\(m)中小学课后服务工作督导", "召开\(m)教育系统党风廉政建设工作会", "开展\(m)校外培训机构专项检查"]
                    : ["召开\(m)全区社会救助工作推进会", "开展\(m)养老服务机构安全检查", "开展\(m)低保专项治理“回头看”", "召开\(m)民政系统安全生产工作会", "开展\(m)困难群众走访慰问"]
            default:
                [
                    "召开\(m)安全生产工作会议", "开展\(m)燃气安全入户检查", "召开\(m)城市管理工作推进会", "开展\(m)政策宣传进社区活动", "召开\(m)社区网格化治理工作会",
                    "开展\(m)消防安全专项检查", "召开\(m)民生实事项目推进会", "开展\(m)环境卫生整治行动", "开展\(m)困难群众走访慰问",
                ]
            }
        let fresh = topics.filter { !usedNews.contains("\(day.parts.year)\($0)") }
        let topic = fresh.isEmpty ? "\(day.parts.month)月\(day.parts.day)日工作动态" : pick(fresh)
        usedNews.insert("\(day.parts.year)\(topic)")
        return Entry(
            written: day, category: "其他", title: "\(short)\(topic)",
            body:
                "\(day.parts.year)年\(day.parts.month)月\(day.parts.day)日，\(short)\(topic)。会议（活动）传达学习了上级有关工作部署，对下一阶段工作作了安排。\n\n有关负责同志强调，要压实工作责任，确保各项措施落到实处。"
        )
    }

    /// The working day `days` calendar days before `today`, or the last one before it.
    private func workdayBefore(_ today: Day, _ days: Int) -> Day {
        var day = today.adding(days: -days)
        while !WorkdayCalendar.official.isWorkday(day) { day = day.adding(days: -1) }
        return day
    }

    /// What is on notice today: a list now in its posting period, put up by the agency that owns the matter.
    mutating func onNotice(today: Day) -> [Entry] {
        let y = today.year
        if isLocal {
            // Each subdistrict and town numbers its own batches.
            let batch = 9 + Int(random.next() % 4)
            return (0..<2).map { k in
                let day = workdayBefore(today, 3 + 2 * k)
                return Entry(
                    written: day, category: "公示公告", title: "\(short)关于\(y)年第\(batch - k)批新增城乡低保对象的公示",
                    body: "根据《重庆市最低生活保障条例》，经本人申请、社区（村）评议、入户调查，拟将下列家庭纳入城乡低保保障范围，现予公示：\n\n"
                        + maskedList(3, amount: 620...1860, unit: "拟保障金额每月")
                        + "\n\n公示期为7个工作日。如有异议，请于公示期内以书面形式向本机关反映。" + closing(day, contact: "联系部门：\(short)社会事务办公室，"),
                    channels: [.website, .bulletinBoard], place: board, postingDays: 7)
            }
        }
        if isCivilAffairs {
            let day = workdayBefore(today, 4)
            return [
                Entry(
                    written: day, category: "公示公告", title: "关于\(y)年度全区新增特困人员救助供养对象的公示",
                    body: "根据《特困人员认定办法》，经街道、镇审核，区民政局确认，拟将下列人员纳入特困人员救助供养范围，现予公示：\n\n"
                        + maskedList(3, amount: 1200...1600, unit: "基本生活标准每月") + "\n\n公示期为7个工作日。" + closing(day, contact: "如有异议，请与区民政局社会救助科联系，"),
                    channels: [.website], postingDays: 7)
            ]
        }
        if seed.kind == .districtGovernment {
            let day = workdayBefore(today, 5)
            return [
                Entry(
                    written: day, category: "公示公告", title: "关于公开征集\(y + 1)年沙坪坝区重点民生实事项目建议的公告",
                    body: "为把民生实事办到群众心坎上，现面向社会公开征集\(y + 1)年重点民生实事项目建议。\n\n一、征集范围\n教育、医疗、养老、交通、社区服务等领域。\n\n二、征集方式\n可通过信函或电子邮件提出建议。"
                        + closing(day, contact: "联系部门：区政府办公室，"),
                    channels: [.website], postingDays: 15)
            ]
        }
        return []
    }
}
