import Fluent
import Gongkai

/// Applications to 联芳街道 in every state of the workflow, two or three of each, made through the same service and
/// moves as staff make them (so every letter, deadline and history is the one the law gives): sent online and not yet
/// confirmed; in hand with weeks to go, due within 5 working days, overdue, extended; paused for a 补正 or a third
/// party's view; answered 予以公开, 部分公开 and 信息不存在; withdrawn; abandoned after an unanswered 补正. The days are
/// counted back from today in working days. The applicants are invented; their identity numbers pass GB 11643.
enum DemoApplications {
    struct Plan {
        var name: String
        var title: String
        var description = ""
        var online = false
        /// Working days before today the application was received (or sent, online).
        var received: Int
        /// The moves after receipt: each with the working days after receipt it was made.
        var moves: [(ApplicationMove, Int)] = []
        var delivery = "post"
    }

    static let plans: [Plan] = [
        Plan(name: "刘建华", title: "联芳街道2026年城乡低保对象名单", online: true, received: 1, delivery: "online"),
        Plan(name: "陈晓梅", title: "联芳路人行道改造工程的施工许可和工期安排", online: true, received: 2, delivery: "online"),
        Plan(name: "张国强", title: "联芳街道2026年民生实事项目实施情况", received: 3),
        Plan(name: "李秀英", title: "土湾社区老旧小区改造项目的资金使用情况", received: 17),
        Plan(name: "王志刚", title: "联芳街道2025年部门决算中“三公”经费的明细", received: 22),
        Plan(
            name: "赵丽", title: "联芳花园社区加装电梯项目的审批材料", description: "包括项目申请、公示记录和审批意见。", received: 24,
            moves: [(.extend(days: 20), 18)]),
        Plan(
            name: "孙明", title: "关于我家房屋征收的文件", received: 8,
            moves: [(.clarify(what: "请说明房屋所在的具体地址、征收项目名称或者文件的文号、发布时间等特征性描述。"), 3)], delivery: "online"),
        Plan(
            name: "周红梅", title: "联芳社区与物业服务企业签订的物业服务合同", received: 10,
            moves: [(.consult(party: "重庆某物业服务有限公司"), 4)]),
        Plan(
            name: "吴伟", title: "联芳街道2025年政务公开工作要点", online: true, received: 40,
            moves: [(.confirm, 0), (.answer(result: "3.1", detail: "该信息已于2025年3月在区政府网站联芳街道栏目主动公开，现随本答复书一并提供。"), 6)], delivery: "online"),
        Plan(
            name: "郑小燕", title: "联芳街道2025年城乡低保资金发放情况", received: 45,
            moves: [
                (
                    .answer(
                        result: "3.2", detail: "所申请信息中低保对象的姓名、家庭收入和银行账户属于个人隐私，公开会对其合法权益造成损害，依据《中华人民共和国政府信息公开条例》第十五条不予公开；其余部分予以公开。"),
                    12
                )
            ], delivery: "online"),
        Plan(
            name: "冯建国", title: "2010年联芳路道路改造工程竣工验收报告", received: 50,
            moves: [(.answer(result: "3.4.1", detail: "经检索本机关档案，未找到该工程的竣工验收报告。"), 9)]),
        Plan(name: "何静", title: "联芳街道2026年防汛抗旱应急预案", received: 30, moves: [(.withdraw, 2)]),
        Plan(name: "罗平", title: "联芳街道办公设备采购合同", received: 35, moves: [(.withdraw, 5)]),
        Plan(
            name: "高文", title: "有关部门的那份文件", received: 70,
            moves: [(.clarify(what: "请写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。"), 2), (.clarifyExpired, 20)]),
        Plan(
            name: "林春", title: "那个项目的全部材料", received: 80,
            moves: [(.clarify(what: "请写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。"), 1), (.clarifyExpired, 19)]),
    ]

    /// 17 digits of a resident identity number born in `year`, with its GB 11643 check character.
    static func identityNumber(_ n: Int, born year: Int) -> String {
        let first = "500106\(year)0\(1 + n % 9)1\(n % 10)\(n % 7)\(n % 3)\(n % 5)"
        return first + String(IdentityDocument.residentIDCheckCharacter(first) ?? "0")
    }

    /// `days` working days before `today`.
    static func back(_ days: Int, from today: Day) -> Day {
        var day = today
        var left = days
        while left > 0 {
            day = day.adding(days: -1)
            if WorkdayCalendar.official.isWorkday(day) { left -= 1 }
        }
        return day
    }

    /// Makes the applications; `head` approves the extension (第三十三条), `officer` makes the other moves.
    static func load(on db: any Database, officer: StaffUser, head: StaffUser, agency: AgencyRecord, today: Day) async throws {
        let service = Applications(db: db, calendar: .official)
        // The earliest first, so that the tracking numbers run in the order the applications came in.
        for (n, plan) in plans.enumerated().sorted(by: { $0.element.received > $1.element.received }) {
            let received = back(plan.received, from: today)
            let input = Applications.Input(
                applicantType: "natural-person", name: plan.name, idType: "resident-id", idNumber: identityNumber(n, born: 1950 + n * 3),
                phone: "1390236\(String(format: "%04d", 1000 + n * 37))", email: "", address: "重庆市沙坪坝区联芳街道联芳路\(10 + n)号",
                infoTitle: plan.title, infoNumber: "", infoDescription: plan.description, formWanted: "electronic", delivery: plan.delivery,
                channel: plan.online ? nil : ReceiptChannel.inPerson.rawValue, receivedOn: plan.online ? nil : received.iso)
            let record = try await service.submit(input, agency: agency, byStaff: plan.online ? nil : officer, today: received).record
            for (move, after) in plan.moves {
                let date = WorkdayCalendar.official.adding(workingDays: after, to: received)
                let letter = try await service.draftLetter(move, for: record, agency: agency, date: date, today: date)
                let by: StaffUser = if case .extend = move { head } else { officer }
                try await service.perform(move, on: record, date: date, letter: letter, by: by, today: date)
            }
        }
    }
}
