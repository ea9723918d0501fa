"""The words and forms that several steps of relation finding read: clause ends, negation, joins, posts."""

from __future__ import annotations

import re

from kg.extract.words import DATELINE, HONORIFICS

_CLAUSE_END = re.compile(
    r"[，,；;：:。！!？?]|"
    + DATELINE.pattern
    + r"|本报讯|[（(][^（）()，。]{0,12}记者[^（）()]{0,30}[）)]"
)


# Between a locative verb and a visit trigger: 到A、B调研 / 赴A考察 / 在A视察 / 来华访问.
# not 带去甲委的问候
_GO_TO = re.compile(r"到|前?赴|前往|飞往|转往|来到|深入|走进|来|(?<![带送拿寄捎])去|在|抵")


# What may stand between a head mention and the next one in a list.
_LIST_JOIN = re.compile(r"^\s*(?:、|和|及|以及|，以及|，及|联同|偕同|会同)\s*$")


# Between a qualifier and the person (or body) it qualifies: title words, no verb or preposition.
_QUALIFIER_GAP = re.compile(r"^[\u4e00-\u9fff·、（）()]{0,14}$")


# After a head: it is in a time adjunct (访美期间) or modifies a noun (甲地和乙地争端的).
_MEMBER_WORDS = r"(?:青年|老)?(?:同志|干部|职工|员工|工作人员|志愿者|党员|团员|成员)"


# A body's members met as a group (甲会成员, 乙组的全体成员): the body is the guest
_MEMBERS = re.compile(r"的?(?:其他|全体)?(?:成员|代表)")


_AGREEMENT = re.compile(r"协议|合同|意向书|备忘录")


_BOTH = re.compile(r"两国|双方|两党|两市|两省|三方")


_TREATY = re.compile(r"条约|公约|法规|决议|章程|宪章|议定书|(?<!联合)(?:宣言|声明)")


# 甲校、部分企业和乙区: an unnamed kind (a count or 一些, 部分 before a noun) listed between names
_KIND_ITEM = re.compile(
    r"[、和及](?:一些|部分|有关|相关|[\d一二三四五六七八九十几多]+[家所个座])[^\W\d了在到和及与同、，]{1,5}(?=[、，,和及])"
)


_STOP = re.compile(r"的?(?:第[一二三四五六七八九十\d]{1,2}站|首站|最后一站|终点站)")


# A preposition right before a head puts it in an adjunct, not in the subject (在北京会见, 对A的访问),
# the head quoted or not (以「甲会」主席的身分).
# Quotation marks around a name or post (not 《》, a document's title)
_OPEN_MARKS = "“「『‘"


_PRONOUN = re.compile(
    r"(?:(?:^|[^其])(?:他|她|他们|她们|我们|我|你们)|(?:^|[^其及])其)(?!他|它|中|余|实|后|间)"
    r"|(?<![应])该(?=[\u4e00-\u9fff])"
)


# 甲市两家商户, 乙盟(最高)领导人, 丙国人: a place or body that only says where an unnamed party
# comes from.
_UNNAMED_AFTER = re.compile(
    r"[\d一两二三四五六七八九十几数多]+[家个名位所户间]|(?:相关|有关)?官员|议员|人士|专家|学者|客人|企业|公司|厂商|投资者|投资商|商人|民众|人民|人(?!大)"
    r"|(?:高层|高级)(?:人员|官员|管理人员)?|要员"  # 甲银行高层人员, 乙国政府要员
    r"|的(?:高层|管理层|要员|官员|领导层)(?!代表)"  # 甲公司的高层: its officials, unnamed
    # 甲地煤矿开采商乙业的高层: a body the model did not find, described, then its officials
    r"|[^，,。；;、和及与同的]{1,10}的(?:高层|管理层|要员|领导层)(?!代表)"
    r"|军人|官兵|学生|师生|员工|职工|教师|群众|(?:新兴|发展中|发达|周边|邻近)?国家|边界|边境|(?:最高|高级|主要|有关|相关)?(?:领导人?|负责人|负责同志)"
    # 甲局局长会议代表: delegates to a meeting, no body (甲公司工作会议代表: the body's own)
    r"|(?!(?:工作)?会议代表)[\u4e00-\u9fff]{0,8}会议代表"
    r"|市场"  # 甲市市场: a place's market
    r"|(?:私营|个体|民营)?(?:企业主|业主)|个体户|专业户|农民|村民|农户"  # 甲区私营企业主(某)
    r"|[^，。；、]{0,8}的(?:一|几|两|\d)+[支个家所座处]"  # 甲国某地区的一支部队
    r"|最[\u4e00-\u9fff]{1,2}的"  # 甲国最大的报社
)


_AMOUNT = re.compile(
    r"(?:(?P<num>\d+(?:[.．·]\d+)?|[一二两三四五六七八九十百千]+)(?:多|余)?"
    r"|[数上几近](?=[万亿千]))"  # 近亿元: no figure stated
    r"\s*(?P<mult>万亿|亿|千万|百万|万|千)?\s*"
    r"(?P<unit>元人民币|元|美元|欧元|英镑|日元|港元|港币)"
)


# 受到A总统的亲切接见, 感谢A的会见, 对A的邀请和接待…感谢: the guest is the subject,
# the host follows the verb.
_HOSTED = "(?:会见|接见|会晤|接待)"  # meetings named after the host (A的接见)


_PROBES = r"(?:探测器|飞船|卫星|航天器)"


# A person's relatives (甲某的女儿乙某; 乙某和女婿丙某)
_KIN_WORDS = r"(?:夫人|妻子|丈夫|女儿|儿子|女婿|儿媳|孙子|孙女|长子|次子|长女|次女|母亲|父亲|遗孀)"
# A form of address after a name, 亲王 too (A先生、B女士; 甲某亲王一行)
_HONORIFIC = re.compile("|".join((*HONORIFICS, "亲王")))


# A numeral of a date (1997, 十五, 廿六: Python's \d holds the full-width digits); one class for
# every date pattern of the relation layer.
_DATE_DIGIT = "[\\d一二三四五六七八九十廿卅]"

_ADVERBIAL = re.compile(
    r"在[^，,；;]{0,20}?(?:基础|前提|框架|原则)[上下]|分别|还|也|又|已经?|曾经?|将|随后|此前|当天|今天|昨天|上午|下午|晚上|"
    r"并且?|为此|于[^，,；;在到对]{1,6}?(?:前夕|之际|期间)|"
    rf"于?{_DATE_DIGIT}+[年月日号](?:[和至到、]{_DATE_DIGIT}+[年月日号]?)*"
)


# Words of togetherness between co-subjects and what they do together (甲与乙一起前往, 甲和乙共同
# 与丙签约): one list for the visit's partner (visitors) and the joined subjects (pairs).
_TOGETHER = "一起|一同|共同|一道"


_COUNTRIES_AFTER = re.compile(r"[\d两三四五六七八九十几数多]+国|各国|诸国")


_TOPIC = re.compile(r"(?:就|关于)[^，。；;]*?(?:问题|事宜|议题|事项|情况)")


_TIME_AFTER = re.compile(r"(?:中|时|期间|之际)")


# 在A访问B之际: 在 frames a clause of time, its first name is that clause's subject.
# 甲党代表, 乙政府谈判代表: a post
_DELEGATE = re.compile(r"(?:(?![在到赴对向由率等于从将已曾为是说就了的])[\u4e00-\u9fff]){0,6}代表")


_SEQUENCE = re.compile(r"首先|(?<![率事优预领争])先(?![生进])|随即|其后|接着")


# 在A与B进行的会谈中
_TIME_FRAME = re.compile(r"(?:之际|期间|前夕|的时候|之时|的当天|(?<=会谈|会晤|会见)中)$")


_AGENTS = ("PERSON", "ORG")


_PLACES = ("LOC", "ORG", "PROJECT")


_PARTIES = ("PERSON", "ORG", "LOC")
