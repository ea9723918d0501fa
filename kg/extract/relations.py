"""Typed relations between the entities of a sentence: visits, meets, signs_with, invests_in.

Run after entities and roles, on the Extraction: match (a trigger verb of
lexicons/relation_triggers.tsv, outside any entity), then annotate (attach arguments by clause
structure). A clause is a stretch of the sentence between commas, semicolons, colons or a news
dateline (新华社…电). Arguments are *head* mentions: a place or body right before a title and a
person (西班牙首相阿斯纳尔, 中央纪委副书记曹庆泽) only qualifies that person.

- source: the nearest head before the trigger that no preposition governs (a list joined by 、 和 及
  counts whole); when the clause has none, the subject of the previous clause of the same sentence
  (not after 说/表示…, never through a pronoun). After 的 the verb qualifies a noun: 在芬兰访问的A.
- visits: the places and bodies after 到/赴/在/前往… before the trigger (that list may run over
  commas: 先后到A、B，C进行调研), between 对 and a nominal 访问 (对印度的访问), or right after it.
- meets: A 会见 B; A 与/同 B 会谈.  signs_with: A 与/同/和 B 签署; A和B签订 (two named parties).
- invests_in: A 在/向/对 B 投资; A 投资(兴建) B; 由A、B共同投资兴建的C. The amount after the trigger
  is kept as written and, when in 元, as yuan.
Negated triggers (未/没有/不/拒绝…) give nothing; escorts (A陪同) and witnesses (见证) are no party.
Every pattern, with its example and the dev draw it was measured on: docs/relations.md.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

from kg.extract.places import country_prefix, gazetteer, world_countries, world_places
from kg.extract.rules import load_rules, read_list
from kg.extract.words import DATELINE
from kg.schema import RELATION_TYPES, Extraction, Mention, Relation

LEXICONS = Path(__file__).parent / "lexicons"
# the lexicon's frame column: pair where both parties may come first, talks as pair with
# countries as parties, tour for a visit whose own object after a place gone to is visited too
FRAMES = ("-", "pair", "talks", "tour")

_CLAUSE_END = re.compile(
    r"[，,；;：:。！!？?]|"
    + DATELINE.pattern
    + r"|本报讯|[（(][^（）()，。]{0,12}记者[^（）()]{0,30}[）)]"
)
# Words that say the event did not happen (planned ones, 将访问, do count).
_NEGATION = re.compile(
    r"(?:没有|没|未|不|拒绝|取消|推迟|无法|不再|不会|不能|反对)(?:再|曾|能|会|去|来)?$"
)
# The verb as the noun that is conveyed, ending its clause (表示慰问, 致以节日的慰问, 转达了甲的慰问);
# not 表示将访问, nor a visit that goes on (表示…对甲国的访问将…)
_CONVEYED = re.compile(
    r"(?:表示|致以|转达|表达|送去|带去|捎去|带来|送来)了?(?:[^，,。；;]{0,10}[的和])?$"
)
# A call made from afar (电话慰问, 致电慰问) is no visit (电话会谈 is a meeting)
_FROM_AFAR = re.compile(r"(?:电话|致电|来电|去电|致函|写信|来信)$")
# Talks called off, their other party in between (中断了同甲国的会谈): no meeting. (A contract
# ended, 中断与甲签订的合同, was still signed.)
_CALLED_OFF = re.compile(r"(?:中断|推迟|取消|拒绝|暂停|停止)了?(?:同|与|跟|和)[^，,。；;]{1,20}$")
_SAYING = re.compile(
    r"(?:说|表示|指出|认为|强调|宣布|声明|称|透露|介绍|报道|获悉|了解|告诉(?:记者|笔者)?)"
)
_SPEECH = re.compile(_SAYING.pattern + "$")
# A speaker's own gladness, opening what they say (甲表示，很高兴与乙会面): the speaker is its subject
_GLAD = re.compile(r"(?:[很非常十分特别极]|感到)*(?:高兴|荣幸)")
# ... and straight after it the speaker's own act (not 很高兴家乡的青年到北京参观: theirs)
_OWN_ACT = re.compile(
    r"(?:去年|今年|明年|[今昨明]天|此次|这次)?(?:在[^，,。；;]{1,12}?(?:后|时|期间))?"
    r"(?:能够?|有机会|再次|又|再|地)*(?:[与同和跟到来赴在对以]|访问|会见|会晤|参观|考察|$)"
)
# 听取了甲的介绍: the subject listens (its own act, it goes on to the next clause), nobody speaks to us
_HEARD = re.compile(r"听(?:取)?了?[^，,。；;]{0,20}介绍$")
# Between a locative verb and a visit trigger: 到A、B调研 / 赴A考察 / 在A视察 / 来华访问.
# not 带去甲委的问候
_GO_TO = re.compile(r"到|前?赴|前往|飞往|转往|来到|深入|走进|来|(?<![带送拿寄捎])去|在|抵")
# What may stand between a head mention and the next one in a list.
_LIST_JOIN = re.compile(r"^\s*(?:、|和|及|以及|，以及|，及|联同|偕同|会同)\s*$")
_JOINT_JOIN = re.compile(r"^\s*(?:、|和|及|以及|与|同)\s*$")
# Between a qualifier and the person (or body) it qualifies: title words, no verb or preposition.
_QUALIFIER_GAP = re.compile(r"^[\u4e00-\u9fff·、（）()]{0,14}$")
# In a post's own name (甲关系和合作部长) 和 and 与 may stand.
_NOT_IN_TITLE_GAP = re.compile(
    r"[在到赴向由率等于从将已曾为是说就]|对(?!外)|会见|会谈|访问|签|投资|调研|考察"
)
# A qualifier's gap also holds no joiner or aspect word (甲国和乙国人民正期待着A).
_NOT_IN_QUALIFIER_GAP = re.compile(
    _NOT_IN_TITLE_GAP.pattern
    + r"|[与同和及着了再又还把被]|目前|正在|参加|出席|举行|召开|离开|抵达|前往"
    + r"|落户|落地|位于|坐落|入驻|选址"  # 甲项目落户乙省丙区: where a project is, no qualifier
)
# Investment nouns and names: 投资者, 投资环境, 投资集团 … are no investment event.
_NOT_INVEST_AFTER = re.compile(
    r"者|环境|额|总额|方|人|商|公司|集团|基金|银行|规模|计划|需求|增长|同比|热|力度|主体|收益|成本|意向|领域|重点|机会|政策|风险"
    r"|目标|方向|渠道|结构|效益|体制|机制|导向|布局|格局|比例|回报|前景"
    # 合资企业, 投资企业: kinds of enterprise; 合资格 is "qualified"; 投资大户 is an investor
    r"|企业|格|大户(?!型)"
    # 投资协定, 投资协议: an agreement's name
    r"|协定|协议"
)
# A side (中方), a bare kind (代表团, 公司) or one of no named place (外国企业); 中国代表团 and
# 中国政府 are named.
_GENERIC = re.compile(
    r"[\u4e00-\u9fff]方|(?:外国|各国|我国|该|本|我)?(?:公司|企业|政府|代表团|考察团|访问团|访华团|艺术团|歌舞团|代表队)"
    r"|(?:妇女|青年|政府|市政府|军事|经贸|友好|议员|专家|[\u4e00-\u9fff]{1,3}家)(?:代表团|考察团|访问团|访华团)"
)
# After a head: it is in a time adjunct (访美期间) or modifies a noun (甲地和乙地争端的).
_MEMBER_WORDS = r"(?:青年|老)?(?:同志|干部|职工|员工|工作人员|志愿者|党员|团员|成员)"
_ADJUNCT_AFTER = re.compile(
    r"(?:期间|时|之际|以来|之后|后(?!来)|前(?!不久|些)|(?!在)[^，、和及与同]{0,4}的(?!代表|"
    + _MEMBER_WORDS
    + "))"
)
_LED = re.compile(
    r"(?:以|由)[^，。；]{1,40}?(?:为(?:代理|副)?团长|为首|率领|带领|领衔)"
    r"(?:[，、][^，。；]{1,20}?为(?:副团长|团员|成员|秘书长))*的?"  # 以A为团长，B、C为团员的
)
_DELEGATION = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:代表团|访问团|考察团|议员团|友好小组|访华团|访京团)"
)
# After 和: a spouse (和夫人A), the one A leads (A和由其率领的B代表团)
_JOINED_POST = re.compile(r".*夫人|由?(?:[他她](?:们)?|其)(?:所)?(?:率领|带领)的")
_LED_BY = re.compile(r"(?:所)?(?:率领|带领)的")
_HIS_LED = re.compile(r"(?:及|和|以及)(?:其|他|她)" + _LED_BY.pattern)  # A及其率领的B代表团
# A body's members met as a group (甲会成员, 乙组的全体成员): the body is the guest
_MEMBERS = re.compile(r"的?(?:其他|全体)?(?:成员|代表)")
# A body's own people as a group (乙局的同志, 丙厂职工, 丁会的志愿者)
_BODY_MEMBERS = re.compile("的?(?:" + _MEMBER_WORDS + "|代表)")
_KIN = re.compile(r"的(?:夫人|妻子|丈夫|儿子|女儿|母亲|父亲|遗孀|特使|特别代表|私人代表)")
_AGREEMENT = re.compile(r"协议|合同|意向书|备忘录")
_BOTH = re.compile(r"两国|双方|两党|两市|两省|三方")
_TREATY = re.compile(r"条约|公约|法规|决议|章程|宪章|议定书|(?<!联合)(?:宣言|声明)")
_JOINER_TITLE = re.compile(
    r"\s*(、|和|及|以及|与|同|跟|联同|偕同|会同)(?P<post>(?:[\u4e00-\u9fff]{1,10}、)?[\u4e00-\u9fff]{0,10})"
)
# not 在A的发展和B: 的 ends what is said of A
_PLACE_JOIN = re.compile(r"(?:(?!的)[\u4e00-\u9fff（）()]){0,6}[、，,和及]")
# 甲校、部分企业和乙区: an unnamed kind (a count or 一些, 部分 before a noun) listed between names
_KIND_ITEM = re.compile(
    r"[、和及](?:一些|部分|有关|相关|[\d一二三四五六七八九十几多]+[家所个座])[^\W\d了在到和及与同、，]{1,5}(?=[、，,和及])"
)
# 和新建成的乙桥
_MODIFIED_ITEM = re.compile(r"^([、和及])(?:新|刚刚?|正在|已经?)?[\u4e00-\u9fff]{1,4}的$")
# 甲厂、乙车间、丙厂: an item the model tagged nothing in, inside an enumeration with 、
_UNTAGGED_ITEM = re.compile(
    r"、[^\W\d了在到和及与同、，的等]{2,8}(?=[、和及])|[和及][^\W\d了在到和及与同、，的等]{2,8}(?=、)"
)
# Between the last place of a visit and its verb: 进行, 等5国, 实地, 进行为期N天的正式….
_PLACE_LIST_END = re.compile(
    r"(?:(?![对向与同在])[\u4e00-\u9fff\d（）()]){0,4}(?:等[\u4e00-\u9fff\d]{0,6})?(?:[，,]?(?:进行|开展|实地))?"
    r"(?:为期[^，,。；;的]{1,6}的?)?[\u4e00-\u9fff]{0,4}"
    # 来到A，参观了…; 飞往A，继续进行…访问
    r"|[，,](?:继续(?:进行)?[\u4e00-\u9fff]{0,4})?"
    r"|进行[^，,。；;]{0,16}的[\u4e00-\u9fff]{0,4}"  # 前往A进行他就任后的首次国事访问
    r"|就[^，,。；;对向与同在到]{1,20}?(?:进行|开展)"  # 在A就B的情况进行调研: a topic, then the verb
    r"|[\u4e00-\u9fff]{2}、"  # 到A探亲、访问
)
# A treaty right before its signing verb (甲乙和平友好条约缔结, 协议签订后) is its subject: who
# signed it is not said.
_TREATY_SIGNED = re.compile(r"(?:条约|协定|公约|协议|议定书)$")
# 签约国, 签署方 (not 签署国内…, 签订方案)
_SIGNATORY = re.compile(r"国(?![内际外家有营企])|方(?![案面式法向针])|者")
# Verbs of what money builds, founds, mends or buys (投资N元兴建A, …，治理A河, 出资收购B厂)
_BUILDS = (
    r"(?:创办|创建|兴建|建成|建设|建立|修建|新建|新修|扩建|改建|成立|组建|设立|开办|兴办|建起|实施"
    r"|启动|改造|治理|整治|根治|修复|翻修|维修|修缮|收购|兼并|购进|经营)"
)
_BUILT_IN = re.compile(r"(?:了|于)?在[^，,；;。]{1,40}?" + _BUILDS + r"(?:了|的)?")
_BUILT_NEXT = re.compile(r"[，,]" + _BUILDS + r"了?")
_PLACE_MODIFIER = re.compile(r"[\u4e00-\u9fff]{1,6}的")
_STOP = re.compile(r"第[一二三四五六七八九十\d]{1,2}站")
_OWN_VERB = re.compile(r"做|(?<![工合创制动写])作|接受|参加|出席|举行|召开")  # not 工作访问
_WITH = re.compile(
    r"(?<![共参给])与(?!会)|(?<![共相等一如联偕会])同(?![时意样期比等行志事学胞])|跟"
)
_PARTNER = re.compile(_WITH.pattern + r"|(?<![温平])和(?![平谐])")
# A preposition right before a head puts it in an adjunct, not in the subject (在北京会见, 对A的访问),
# the head quoted or not (以「甲会」主席的身分).
# Quotation marks around a name or post (not 《》, a document's title)
_OPEN_MARKS = "“「『‘"
_QUOTE_MARKS = re.compile(f"[{_OPEN_MARKS}”」』’]")
_GOVERNED = re.compile(
    r"(?:[在赴对向与和跟从由给被把以据及自离抵就受]|(?<![陪共相一如])同|(?<![谈提说看受得感遇达想])到|前往|[飞转驶赶]往|[飞驶]抵|来到|走进|抵达|应|作为"
    # the place left or passed on the way (离开北京赴A访问) is no subject
    r"|离开|飞离|途经|返回|回到|借助|通过|利用|依托|按照|根据)"
    rf"(?:来访的|前来访问的|了)?[{_OPEN_MARKS}]?$"
)
_PRONOUN = re.compile(
    r"(?:^|[^其及])(?:他|她|他们|她们|我们|我|你们|其)(?!他|它|中|余|实|后|间)|(?<![应])该(?=[\u4e00-\u9fff])"
)
# 甲市两家商户, 乙盟(最高)领导人, 丙国人: a place or body that only says where an unnamed party
# comes from.
_UNNAMED_AFTER = re.compile(
    r"[\d一两二三四五六七八九十几数多]+[家个名位所户]|(?:相关|有关)?官员|议员|人士|专家|学者|客人|企业|公司|厂商|投资者|投资商|商人|民众|人民|人(?!大)"
    r"|(?:高层|高级)(?:人员|官员|管理人员)?|要员"  # 甲银行高层人员, 乙国政府要员
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
# Between 投资 and its amount: 投资总额将达到N亿元.
_AMOUNT_LEAD = re.compile(
    r"(?:总额|预计|将|已|高达|达到?|约|近|超过|逾|共计?|累计|总计|为|了|人民币)*"
)
_MULT = {"": 1, "千": 10**3, "万": 10**4, "百万": 10**6, "千万": 10**7, "亿": 10**8, "万亿": 10**12}
_CN_DIGIT = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# 受到A总统的亲切接见, 感谢A的会见, 对A的邀请和接待…感谢: the guest is the subject,
# the host follows the verb.
_HOSTED = "(?:会见|接见|会晤|接待)"  # meetings named after the host (A的接见)
_PASSIVE = re.compile(
    rf"(?:(?:受到|得到|获得|感谢)(?:了)?([^，。；]{{1,30}}?)的[^，。；的]{{0,8}}?(?={_HOSTED})"
    rf"|对([^，。；]{{1,30}}?)的[^，。；的]{{0,8}}?(?={_HOSTED}表示(?:衷心|诚挚)?的?感谢)"
    # 感谢A会见, 感谢A在百忙中会见他们: the verb with no guest named after it
    rf"|感谢([^，。；的]{{1,30}}?)(?:在百忙之?中)?(?={_HOSTED}了?(?:[他她我]们?)?(?:[，。；]|$)))"
)
_LEADS = re.compile(r"(?:亲自|再次|又)?(?:率|率领|带领)")
_LEADS_GROUP = re.compile(_LEADS.pattern + r"(?:[一两][个支批])?")  # 率领一支甲市代表团
# Words of time and manner that do not make a clause's subject: 分别于6月8日和9日, 随后, 在…基础上.
# 著名画家A, 甲国农业专家A: a profession before a name reads like a post
_PROFESSION = re.compile(
    r"(?:学家|作家|画家|专家|艺术家|企业家|教育家|音乐家|书法家|实业家|银行家|活动家|学者|获得者|得主)$"
)
# 甲市贫困群众: a place before a kind of its people is no place visited
_PEOPLE_OF_PLACE = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:群众|居民|农民|职工|家庭|老党员|困难户|贫困户|官兵|干部|师生)"
)
# 乙厂职工, 丙校两位老教授, 丁部队官兵: a body's own people, counted or not, right after it
_BODY_PEOPLE = re.compile(
    r"(?:[\d一两二三四五六七八九十几数多]+[位名])?[\u4e00-\u9fff]{0,6}?"
    r"(?:" + _MEMBER_WORDS + r"|群众|教职工|家庭|官兵|师生|学生|教师|教授|工人)"
)
_BUILDING = re.compile(
    r"(?:大厦|大楼|中心|工程|广场|公园|园区|市场|宾馆|饭店|医院|学校|电站|机场|港)$"
)
_BUILT_LATER = re.compile(_BUILDS + r"了?")
_PROBES = r"(?:探测器|飞船|卫星|航天器)"
_PROBE = re.compile(r"(?:的[^，。；的]{0,6}?|[”\"]?号)" + _PROBES)  # after a name: 甲局的无人探测器
_PROBE_NAME = re.compile(r"号" + _PROBES + "$")  # a name of one: 乙号探测器
_ESCORT_SPAN = re.compile(r"在[^。；在]{1,120}?陪同下")
_HIS = re.compile(
    r"(?<![其])[他她](?![们])(?:\d+月|去年|今年|明年|本月|上月|下月|[上中下]旬|即将|将要|将|曾经|曾|此次|这次){0,3}$"
)
_NOT_WITH = re.compile(r"(?:不|没有|未|拒绝|要求|希望|建议|提议|呼吁)(?:再|能|会|愿)?$")
_EACH_BEFORE = re.compile(r"各(?:[\u4e00-\u9fff]{1,3}、)*$")
_OTHER_TALK = re.compile(r"商谈|商讨|讨论|磋商|协商|谈判|交换意见")
_HONORIFIC = re.compile(r"先生|女士|博士|阁下|殿下|陛下|亲王")
_COPULA = re.compile(r"(?<![但还就于总凡只要可倒像])是(?!否)")
_COPULA_AFTER = re.compile(r"(?:一直|始终|也|都|仍|则|正|曾|已|目前|现在|本来)?是(?!否)")
_KIND_NOUN = re.compile(
    r"(?:第一|首)?[位个批名]?[\u4e00-\u9fff]{0,4}(?:企业家|人士|官员|领导人|元首|政要|外宾|客人|代表团|华人|人)"
)
_REPORTER = re.compile(r"记者$|记者[^，。；]{0,12}、$")
_ADVERBIAL = re.compile(
    r"在[^，,；;]{0,20}?(?:基础|前提|框架|原则)[上下]|分别|还|也|又|已经?|曾经?|将|随后|此前|当天|今天|昨天|上午|下午|晚上|"
    r"并且?|为此|于[^，,；;在到对]{1,6}?(?:前夕|之际|期间)|"
    r"于?[\d一二三四五六七八九十]+[年月日号](?:[和至到、][\d一二三四五六七八九十]+[年月日号]?)*"
)
# 他 opening a clause, after what only says when (之前他已经访问了A, 随后她又来到B)
_HE = re.compile(rf"(?:这是|当时|之前|此后|后来|然后|接着|{_ADVERBIAL.pattern})*[他她](?![们人])")
# What a place is of a visit, after the verb and its object: 甲国是A此行访问乙洲三国的首站
_STOP_OF_VISIT = re.compile(
    r"[^，,。；;]{0,12}?的(?:第[一二三四五六七八九十\d]+(?:站|个)|最后一站|首站|终点站)"
)
# Portfolios of one ministry (财政、商务和工业): after a body's name, and before a ministry's
_PORTFOLIO_TAIL = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2})+(?:部长|大臣)")
_BODY_ENDS = frozenset("团国部局会委院厅司处署省市县区州府行社组队所馆校学厂场店站台报")
_PORTFOLIO_HEAD = re.compile(r"[\u4e00-\u9fff]{2}(?:[、和及与][\u4e00-\u9fff]{2})*、")
# A nominal visit that goes on, opens or ends, its places before it (继续甲国的访问)
_GOES_ON = re.compile(r"(?:继续|展开|开始|结束)了?(?:在|对)?")
_OWNER = re.compile(r"(?:(?![与同和跟对在来])[\u4e00-\u9fff]){0,4}?的")
_OWNED_BODY = re.compile(
    r"[^，。；;、]{0,12}的[^，。；;的]{0,6}(?:组织|机构|团体|党派|政党|部门|企业|公司)(?![部会])"
)
_COUNTRIES_AFTER = re.compile(r"[\d两三四五六七八九十几数多]+国|各国|诸国")
# 非洲五国, 拉美3国, 非洲6个国家: a region with the count of its countries (docs/annotation.md)
_REGION_COUNT = re.compile(r"(?P<n>[\d０-９两二三四五六七八九十几]+)个?国家?")
# 出访甲洲三国：甲国、乙国和丙国; 访问甲区内两个城市──甲市及乙市: the count, then its list
_COUNT_THEN_LIST = re.compile(
    r"内?(?P<n>[\d０-９两二三四五六七八九十]+)个?(?:国家?|城市)(?:：|:|──|——|—)"
)
_SUMMED = re.compile(r"(?:等)?[\d两三四五六七八九十]+个?[\u4e00-\u9fff]{0,4}国家?(?:进行|的)")
# 组织…40多人到A考察: the visitors are counted people, not the body before them
_COUNTED_PEOPLE = re.compile(
    r"(?<!一行)(?<![\d一二三四五六七八九十几数多])[\d一二三四五六七八九十几数多]+(?:名|位|个)?人"
)
# 对 opening the phrase of an event's party (not 针对, 面对, 对外, 对话; nor 对能…, 对有机会…, whose
# event is the subject's own: 甲对能在乙地会见丙感到高兴)
_UNNAMED_DUI = re.compile(r"(?<![针面绝相])对(?![外话于]|能|有机会)")
# A kind of people as a clause's subject: it names no one, and nobody is carried over to it.
_KIND_SUBJECT = re.compile(r"代表|人员|专家|学者|群众|干部|学生|教师|记者|游客|官员|人士|企业家")
_SENDS = re.compile(r"派遣|派出|委派|派(?=[\u4e00-\u9fff]{0,8}(?:组|团|队|特使|代表))")
# 甲受乙(的)委派来丙访问: 甲 is the one sent, who visits
_SENT_BY = re.compile(
    r"受(?!邀)[^，,。；;]{0,16}?(?:委派|派遣|指派)(?=[，,]|来|到|赴|前往|前来|访问|出访)"
)
_ORGANISES = re.compile(
    r"组织[^，。；]{0,8}(?:干部|人员|群众|党员|职工|农民|学生|教师|专家|医生|代表)"
)
# A verb that has its object do the act (甲市鼓励外商在乙区投资, 甲市政府邀请外国企业到乙区考察): the
# one who encourages or invites does not act (not 在…的鼓励下, 应甲国邀请)
_CAUSES = re.compile(
    r"(?<!的)(?:允许|鼓励|欢迎|吸引|引导|邀请|动员|号召)(?![下者])(?=[^，,。；;]{2})"
)


def _causes(text: str, start: int, end: int) -> bool:
    """Whether such a verb stands between ``start`` and ``end``, outside a 应 or 在 frame."""
    found = _CAUSES.search(text, start, end)
    return found is not None and not re.search(r"[应在]", text[start : found.start()])


_GUESTS_AFTER = re.compile(r"等(?:外宾|客人|贵宾|一行|人|[。；]|$)")
_STILL_TOPIC = re.compile(r"(?:特别|尤其)(?:是|就|在)")
_TOPIC = re.compile(r"(?:就|关于)[^，。；;]*?(?:问题|事宜|议题|事项|情况)")
_TIME_AFTER = re.compile(r"(?:中|时|期间|之际)")
# 在A访问B之际: 在 frames a clause of time, its first name is that clause's subject.
# 甲党代表, 乙政府谈判代表: a post
_DELEGATE = re.compile(r"(?:(?![在到赴对向由率等于从将已曾为是说就了的])[\u4e00-\u9fff]){0,6}代表")
_GUESTS_KIND = re.compile(r"(?:等[\u4e00-\u9fff]{0,10}(?:代表|人士|官员|成员|客人|一行|人))?")
_TITLE = re.compile(r"《[^《》]*》")
# 先在甲某陪同下: an adverb of sequence between a name and the escort clause after it
_BEHALF_GAP = re.compile(
    r"(?:[今昨明当同][日天]|[上下]午|晚上|（[^（）]{0,12}）|在[^，。；、在]{1,10}|于[^，。；在]{1,10}"
    r"|[\d一二三四五六七八九十]{1,3}[日号]|受[^，。；、受]{1,10}委托|作为[^，。；、作]{1,10}"
    r"|将|会|拟|也|还|亦|分别|随后|随即)*"
)
# the two only name the document (出席甲与乙投资协定的签署仪式), not 甲与乙完成了协定的签署
_DOCUMENT_BEFORE = re.compile(
    r"(?:(?!举行|完成|进行|了)[^，。；]){0,12}?(?:协定|协议|条约|备忘录|合同|公报)的"
)
# More words of time, between a leader and 率领 or an escorted and 在…陪同下 only (not in a clause's
# length: 夫人和孩子们明天中午将参观 has a subject of its own)
_TIME_WORDS = re.compile(
    r"[今昨明](?:天|日|晨|早|晚)|凌晨|早上|中午|傍晚|近日|日前"
    r"|[（(][^（）()，,。]{1,16}?[日号][）)]"  # 今日（九月十三日）, 明日（巴黎时间十月八日）
)
_SEQUENCE = re.compile(r"首先|(?<![率事优预领争])先(?![生进])|随即|其后|接着")


def _without_adverbs(text: str) -> str:
    """``text`` without its words of time, manner and sequence (随即率领, 先在…陪同下)."""
    return _ADVERBIAL.sub("", _TIME_WORDS.sub("", _SEQUENCE.sub("", text)))


_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,3}(?![A-Za-z])")
_KIND_GROUP = re.compile(
    r"(?:商贸|经贸|商务|贸易|投资|友好|高层|高级|政府|文化|科技|工商|企业家|专家|议员|青年|妇女)+"
    r"(?:代表团|考察团|访问团|团)"
)
_SECTOR = re.compile(
    r"(?:工商|商|法律|金融|科技|新闻|文化|教育|医学|学术|体育|艺术|政|工业|企业|知识|经济|宗教|妇女|财经)界"
)
_ENDED = re.compile(r"(?:前|后|以后|之后)$")
_ASIDE = re.compile(r"^[（(](?:简称|以下简称|下称)[^（）()，。]{1,10}[）)]")
# 会见甲时，乙、丙参加会见 (or 参加 alone): a clause that only seats people, not 乙邀请…参与共建
_SEATED = re.compile(r"在座|在场|陪同|陪见|出席|(?:参加|参与)了?(?:会见|会谈|会晤)?$")
_FRAMED_MEETING = re.compile(
    r"(?:与|同|和)[^，。；在]{1,30}?(?:会谈|会晤|会见|会面)(?:期间|时|之际|前夕|之后|以后|后)"
)
# 在A与B进行的会谈中
_TIME_FRAME = re.compile(r"(?:之际|期间|前夕|的时候|之时|的当天|(?<=会谈|会晤|会见)中)$")
# A clause with no subject of its own that frames the next one, whose subject is its actor: a time
# after it (同A签署协议以后，B…) or a basis before it (根据同A签订的条约，B…).
_FRAME_END = re.compile(r"(?:以后|之后|后|时|期间|之际|以来)$")
# 在出席甲会议后, 在参观乙厂期间: a verb's object inside a frame of time opened by 在
_FRAME_OPEN = re.compile(r"(?:在|自|从)[^，。；、在自从]{1,8}$")  # 在出席B年会后, 自就任B外长以来
_FRAME_CLOSE = re.compile(
    r"[^，。；、]{0,4}?(?:以后|之后|后|以前|之前|前|时|期间|之际|以来)(?![来面往进])"
)
_CLOSED_FRAME = re.compile(r"在[^，。；在]{2,30}?(?:之际|期间|前夕|以后|之后|的时候)")
_FRAME_START = re.compile(r"(?:根据|按照|依照|依据)")


def _framing(text: str, clause: tuple[int, int]) -> bool:
    return bool(
        _FRAME_END.search(text, clause[0], clause[1]) or _FRAME_START.match(text, clause[0])
    )


# A verb of saying right after a name (今天说, 称): what follows is what is said
_SAYS = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:说|表示|指出|认为|强调|宣布|称|重申)(?!的)")
# and 会谈场所: a place for one
_ONLY_POSSIBLE = re.compile(r"的(?:可能性?|前景|条件|前提|障碍)|场所|地点")
# 会 + 谈起 (都会谈起): a modal verb and "talk of", no 会谈
_MODAL_SPLIT = re.compile(r"会谈[起及]")
_ESCORT = re.compile(r"^\s*(?:等)?(?:陪同|见证)")
_WENT = re.compile(r"(?:前来|来到|到|赴|前往)(?=[\u4e00-\u9fff])")
# A verb of going that is a clause of its own before the visit (到甲地，了解情况，走访农户)
_GONE_TO = re.compile(
    r"(?:来到|下到|赶到|到达|抵达|前往|[分赶奔]?赴|深入到?|(?<![得看听受达遇])到)(?=\w)"
)
# What may follow the place gone to in that clause: a kind of area, or 后 (来到甲村后)
_GONE_TAIL = re.compile(
    r"(?:[\u4e00-\u9fff]{0,2}(?:灾区|地区|一线|农村|基层|现场|乡村|社区))?(?:后|以后|之后)?"
)
_GOES_WITH = re.compile(r"随同|跟随")  # A随同B: A goes along with B (陪同: A escorts B, no visitor)


@functools.cache
def _trigger_rows() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """(trigger, relation, frame, words it is only a part of) from
    lexicons/relation_triggers.tsv."""
    out = []
    path = LEXICONS / "relation_triggers.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not 4 <= len(cells) <= 5:
            raise ValueError(f"{path.name}:{n}: {len(cells)} columns, not 4 or 5: {line!r}")
        trigger, relation, frame, _notes, *rest = cells
        if relation not in RELATION_TYPES:
            raise ValueError(f"{path.name}:{n}: unknown relation {relation!r}")
        if frame not in FRAMES:
            raise ValueError(f"{path.name}:{n}: unknown frame {frame!r} (one of {FRAMES})")
        words = tuple(w for w in (rest[0] if rest else "").split(",") if w)
        if any(trigger not in w or all(w.split(trigger, 1)) for w in words):
            # a lookbehind or a lookahead keeps it out: the word starts or ends with the trigger
            raise ValueError(f"{path.name}:{n}: {words} must each start or end with {trigger!r}")
        out.append((trigger, relation, frame, words))
    return tuple(out)


@functools.cache
def load_triggers() -> dict[str, str]:
    """trigger -> relation, from lexicons/relation_triggers.tsv."""
    return {trigger: relation for trigger, relation, _, _ in _trigger_rows()}


@functools.cache
def triggers_of(relation: str) -> frozenset[str]:
    """The triggers of one relation."""
    return frozenset(t for t, r, _, _ in _trigger_rows() if r == relation)


@functools.cache
def frame_triggers(*frames: str) -> frozenset[str]:
    """The triggers of the lexicon's frames: ("pair", "talks") for verbs whose two parties may
    stand together before them (A与B会谈, 中美签署), ("talks",) where a country is a party."""
    return frozenset(t for t, _, frame, _ in _trigger_rows() if frame in frames)


def trigger_pattern(triggers: Iterable[str]) -> str:
    """The triggers as one alternation, longest first, each kept out of the words the lexicon
    says it is only a part of (到访 of 谈到访问, 拜会 of 团拜会)."""
    words = {trigger: not_in for trigger, _, _, not_in in _trigger_rows()}

    def one(trigger: str) -> str:
        around = [w.split(trigger, 1) for w in words.get(trigger, ())]
        behind = "".join(f"(?<!{re.escape(before)})" for before, _ in around if before)
        ahead = "|".join(re.escape(after) for before, after in around if not before)
        return behind + re.escape(trigger) + (f"(?!{ahead})" if ahead else "")

    return "|".join(one(t) for t in sorted(triggers, key=len, reverse=True))


@functools.cache
def country_abbreviations() -> dict[str, str]:
    """One-character country forms (华 -> 中国), from lexicons/country_abbreviations.tsv."""
    return dict(load_rules().one_char_countries)


@functools.cache
def country_pairs() -> dict[str, tuple[str, str]]:
    """Pairs whose one-character forms are ambiguous alone (巴以 -> 巴勒斯坦, 以色列), from
    lexicons/country_pairs.tsv."""
    return {pair: (first, second) for pair, first, second in load_rules().country_pairs}


_KIND_INVESTOR = re.compile(r"(?:外国人|外商|外资|企业|公司|投资者|财团|商人|个人)$")
_IN_WORD = re.compile(r"[人侨裔商资语文籍胞外]")  # 华人, 中外
# 日 of a date (5日中断了…会谈) is no country
_DATE_BEFORE = re.compile(r"[\d一二三四五六七八九十][日]$")


# After a pair of country forms that are the parties of an event: 中美两国, 俄日要想…签署. Not
# where they only name a treaty (甲乙友好条约签订), their leaders (甲乙首脑会谈) or a noun's
# owners (甲乙双方的有关公司).
@functools.cache
def _pair_after() -> re.Pattern[str]:
    return re.compile(
        r"(?:于?(?:[\d０-９一二三四五六七八九十]+[年月日号])+)?"  # 甲乙于1997年1月15日签署: a date first
        r"(?!洲)(?:(?:两国|双方|政府|之间)(?!(?:国家|政府)?(?:首脑|领导人|元首)|总统|总理|首相|外长|外相|国防部长|部长|议长|高层|[^，,。；;]{0,6}[的级])"
        r"|(?:(?!条约|协定|协议|公约|宣言|首脑|总统|总理|领导人|元首|首相|外长|高层|级|和平|问题|冲突|争端|关系)[^，,。；;]){0,10}"
        rf"(?:{trigger_pattern(frame_triggers('pair', 'talks'))}))"
    )


def _abbreviated(text: str, start: int, end: int, taken: list[_Arg]) -> list[_Arg]:
    """Parties written as one-character country forms outside any mention: 来华 (a place after
    来/赴/访), 中美, 俄日 (a pair before 两国/双方/政府 or a signing or meeting verb)."""
    abbr = country_abbreviations()
    out = []
    visit = _visit_verbs()
    for m in re.finditer(
        rf"(?<=[来赴访到莅])(.)(?={visit}|$)|(?<=对)(.)(?=投资|访问|进行)", text[start:end]
    ):
        group = 1 if m.group(1) else 2
        char = m.group(group)
        if char in abbr:
            out.append(_Arg(start + m.start(group), start + m.end(group), abbr[char], "LOC", True))
        elif group == 1 and char in _city_initials():
            # 来聊调研: a city's first character, the city of the article's paper (the graph
            # reads it as the home city)
            out.append(_Arg(start + m.start(group), start + m.end(group), char, "LOC", True))
    for m in re.finditer(rf"(?<=[来赴访到])(..)(?={visit})", text[start:end]):  # 到印巴访问
        a, b = m.group(1)
        names = _pair_names(a, b)
        if names:
            out.append(_Arg(start + m.start(1), start + m.start(1) + 1, names[0], "LOC", True))
            out.append(_Arg(start + m.start(1) + 1, start + m.end(1), names[1], "LOC", True))
    for i in range(len(text) - 1):
        names = _pair_names(text[i], text[i + 1])
        if names and _pair_after().match(text, i + 2) and not _DATE_BEFORE.search(text, 0, i + 1):
            out.append(_Arg(i, i + 1, names[0], "LOC", True))
            out.append(_Arg(i + 1, i + 2, names[1], "LOC", True))
    return _untaken(out, taken)


def _untaken(found: list[_Arg], taken: list[_Arg]) -> list[_Arg]:
    """The found arguments that overlap no argument already taken."""
    return [a for a in found if not any(t.start < a.end and a.start < t.end for t in taken)]


def _own_country(text: str, taken: list[_Arg]) -> list[_Arg]:
    """我国 in a Chinese paper names China, as 华 does (甲某对我国进行访问); as a place, it qualifies
    what follows it (我国企业, 我国驻甲国大使A) like any other."""
    return _untaken(
        [_Arg(m.start(), m.end(), "中国", "LOC") for m in re.finditer("我国", text)], taken
    )


def _pair_names(a: str, b: str) -> tuple[str, str] | None:
    """The two countries of a pair of one-character forms (中美, or 巴以 of country_pairs.tsv)."""
    return load_rules().pair_places(a + b)


@functools.cache
def _city_initials() -> frozenset[str]:
    """First characters of the prefecture-level cities of the administrative map (聊 of 聊城市)."""
    words = set(read_list(LEXICONS / "city_initial_words.txt"))
    return frozenset(p.name[0] for p in gazetteer().places if p.level == "city") - words


_KIND_OF_BODY = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{1,6}?)(?:的)?(?:有关|一些|其他|部分|大)?(?:公司|企业|财团|厂商)"
)


def _place_and_kind(text: str) -> bool:
    """甲国公司, 甲国有关公司: a place and a kind of body name no one body."""
    m = _KIND_OF_BODY.fullmatch(text)
    place = m.group("place") if m else ""
    return bool(place) and (
        place in world_places() or place in gazetteer() or place in country_abbreviations()
    )


# 上述五国, 以上三个国家: places named before, counted
_AFORESAID = re.compile(
    r"(?:(?:上述|以上|这)(?P<n>[两二三四五六七八九十]|\d{1,2})?|(?P<bare>[两二三四五六七八九十]|\d{1,2}))"
    r"个?(?:国|国家|省|市|地|城市)(?P<more>[及和][^，,；;。]{2,16}?)?(?:进行|访问|考察|参观)"
)


def _aforesaid(s: _Sentence, start: int, end: int) -> list[_Arg]:
    """赴上述五国进行访问: the list of places named before that the words count back to."""
    m = _AFORESAID.match(s.text, start)
    if m is None or not re.fullmatch(r"了?[^，,；;。]{0,4}", s.text[m.end() : end]):
        return []  # after 进行: 了 and up to four characters before the verb
    groups: list[list[_Arg]] = []
    for h in (_as_country(h) for h in s.heads if h.end <= start):
        if h.type != "LOC":
            continue
        if groups and _LIST_JOIN.match(s._gap(groups[-1][-1].end, h.start)):
            groups[-1].append(h)
        else:
            groups.append([h])
    n = m.group("n") or m.group("bare")  # 对4国进行访问: a bare count, the list of that many before
    size = _count(n) if n else None
    # the last list of two or more (of as many as counted), not a place in between (离开甲地赴上述五国)
    listed = next((g for g in reversed(groups) if len(g) >= 2 and size in (None, len(g))), [])
    invited = _invited_countries(s, start) if not listed and m.group("n") else []
    counted = listed or (invited if len(invited) == size else [])
    more = (
        [h for h in s.heads if m.start("more") < h.start and h.end <= m.end("more")]
        if counted and m.group("more")
        else []
    )
    return counted + more  # 对上述四国及甲组织总部进行访问: the one named after the count too


# 应甲国总统A、乙国议会的邀请: who invites, the phrase their countries are named in
_INVITED_BY = re.compile(r"应(?!邀)[^。；;]{2,200}?邀请")


def _invited_countries(s: _Sentence, start: int) -> list[_Arg]:
    """应甲国外长A、乙国议会的邀请，…对上述N国进行访问: the countries of those who invite, each
    once, where the count names them (a person's country is a qualifier, no head of the list)."""
    phrases = list(_INVITED_BY.finditer(s.text, 0, start))
    if not phrases:
        return []
    countries: dict[str, _Arg] = {}
    for m in (
        _as_country(m)
        for m in s.mentions
        if phrases[-1].start() <= m.start and m.end <= phrases[-1].end()
    ):
        name = country_prefix(m.text)
        if m.type == "LOC" and name is not None:
            countries.setdefault(name, m)
    return list(countries.values())


def _invited_after(s: _Sentence, region: _Arg) -> list[_Arg]:
    """A headline's region with its count (出访北欧两国), then the story: 应甲国A、乙国B的邀请. The
    countries of those who invite are the ones counted, where there are as many."""
    count = _REGION_COUNT.match(s.text, region.end)
    phrase = _INVITED_BY.search(s.text, count.end()) if count is not None else None
    if phrase is None or _trigger_re().search(s.text, count.end(), phrase.start()):
        return []
    countries = _invited_countries(s, phrase.end())
    return countries if len(countries) == _count(count.group("n")) else []


def _as_country(h: _Arg) -> _Arg:
    """A body named after its country (甲国议会, 乙国众议院), as that country: who invites stands for
    the country visited (应甲国议会、乙国国会的邀请…赴上述二国访问)."""
    if h.type != "ORG":
        return h
    country = country_prefix(h.text, 8)
    # the body's span: lists join there
    return _Arg(h.start, h.end, country, "LOC") if country else h


def _owner_end(s: _Sentence, pos: int) -> int:
    """Where the name right before ``pos`` ends, a post between them allowed (甲主席对…)."""
    head = next((h for h in reversed(s.heads) if h.end <= pos), None)
    if head is None:
        return -1
    gap = s.text[head.end : pos]
    return head.end if not gap or load_rules().title_re.fullmatch(gap) else -1


def _country(arg: _Arg) -> bool:
    return arg.abbreviated or arg.text in world_countries()


def _side_by_side(a: _Arg, b: _Arg, *, forms: bool = False) -> bool:
    """出访甲国乙国 (a headline's list): two countries written out with nothing between them;
    ``forms``: one-character forms too (出访美加), but not as a subject (中日…条约签订: a pair's
    own rules)."""
    if a.end == b.start and a.type == b.type == "PERSON" and a.text != b.text:
        return True  # 甲某乙某会见: a headline's names (甲某甲某 is a title and subtitle)
    return (
        a.end == b.start
        and _country(a)
        and _country(b)
        and (forms or not (a.abbreviated or b.abbreviated))
    )


def _written_out(arg: _Arg) -> bool:
    """One character in the text, a longer name in the mention: 俄 written out as 俄罗斯."""
    return arg.end - arg.start == 1 and len(arg.text) > 1


def _over_pair(text: str, arg: _Arg, abbr: dict[str, str]) -> bool:
    """中美政府, or 美政府 after 中: a span the model made over one or both of a pair of country forms
    and the word after them."""
    if any(
        text[i : i + 2] in country_pairs() and arg.end <= i + 2
        for i in (arg.start - 1, arg.start)
        if i >= 0
    ):
        return True  # 巴 of 巴以: the model's place in a pair whose forms are ambiguous alone
    start = (
        arg.start - 1
        if arg.start > 0 and text[arg.start - 1] in abbr and len(arg.text) >= 2
        else arg.start
    )
    span = text[start : arg.end]
    return (
        len(span) >= 3
        and span[0] in abbr
        and span[1] in abbr
        and re.fullmatch(r"(?:两国)?(?:政府|双方)|两国", span[2:]) is not None
    )


_BODY_END = re.compile(r"(?:银行|公司|集团|局|委员会|政府|大学|协会|中心|报社|研究院)$")


_SHORT_FORM = re.compile(
    r"[（(](?:以下)?(?:简称|下称)?[“\"‘'「]?([^（）()“”\"‘'「」，。、]{2,8})[”\"’'」]?[）)]"
)
_DECLARED_SHORT = re.compile(r"[（(](?:以下)?(?:简称|下称)[“\"‘']?$")


def _no_party(text: str, a: _Arg) -> bool:
    """Spans the model (or a rule) made that name no party."""
    if a.end - a.start == 1 and _IN_WORD.match(text, a.end):
        return True  # 华人, 华侨, 中资: a one-character country form inside a word
    if re.search(r"[，。；：,;:]", a.text):
        return True  # a "name" across a clause mark (甲市外，代表团)
    if _DECLARED_SHORT.search(text, 0, a.start):
        return True  # 甲公司（以下简称“甲”）: the short form the name before declares
    if len(a.text) > 2 and (a.text[0] in "从在把被" or (a.text[0] == "于" and a.type != "PERSON")):
        return True  # 从甲市 (not 对外联络部, nor 于 the surname)
    if a.type == "LOC" and _SECTOR.match(text, a.end):
        return True  # 甲地法律界, 乙国工商界: a sector the place qualifies
    if a.type == "ORG" and _KIND_GROUP.fullmatch(a.text):
        return True  # 商务代表团, 经贸考察团: a group of some kind, not a named one
    # a name before 奖 names a prize (某某奖); 时说 or 时称 (…时说, a time before a verb of saying)
    return a.type == "PERSON" and (
        re.match(r"[\u4e00-\u9fff]{0,4}奖", text[a.end :]) is not None
        or re.fullmatch(r"时[说称]", a.text) is not None
    )


# A name the model ran on into a joiner and another name (甲某某同乙某某)
_JOINED_NAMES = re.compile(r"(?P<a>[^同与跟和·]{2,}?)(?:同|与|跟)(?P<b>[^同与跟和]{2,})")


def _split_joined(mentions: list[_Arg]) -> list[_Arg]:
    """Spans the model made of two parties: 甲国乙银行和丙国丁信托银行 (two bodies), a person's
    name written twice in a headline (甲某某甲某某), two foreign names joined by 同 or 与 (longer
    than any Chinese name)."""
    out = []
    for m in mentions:
        cut = next(
            (i for i, ch in enumerate(m.text) if ch in "和与及" and 4 <= i <= len(m.text) - 5), None
        )
        half = len(m.text) // 2
        joined = (
            _JOINED_NAMES.fullmatch(m.text) if m.type == "PERSON" and len(m.text) >= 5 else None
        )
        if (
            m.type == "ORG"
            and cut is not None
            and _BODY_END.search(m.text[:cut])
            and _BODY_END.search(m.text)
        ):
            out += [
                _Arg(m.start, m.start + cut, m.text[:cut], "ORG"),
                _Arg(m.start + cut + 1, m.end, m.text[cut + 1 :], "ORG"),
            ]
        elif m.type == "PERSON" and len(m.text) >= 4 and m.text[:half] * 2 == m.text:
            out += [
                _Arg(m.start, m.start + half, m.text[:half], "PERSON"),
                _Arg(m.start + half, m.end, m.text[half:], "PERSON"),
            ]
        elif joined is not None:
            out += [
                _Arg(m.start + joined.start(g), m.start + joined.end(g), joined.group(g), "PERSON")
                for g in ("a", "b")
            ]
        else:
            out.append(m)
    return out


def _titled_surnames(text: str, taken: list[_Arg], people: list[str]) -> list[_Arg]:
    """江主席, 李市长: a surname and a title stand for the article's one person of that surname
    (none when it names two or none)."""
    rules = load_rules()
    out = []
    for m in rules.title_re.finditer(text):
        for size in (2, 1):
            start = m.start() - size
            surname = text[start : m.start()] if start >= 0 else ""
            if not surname or surname not in rules.surnames:
                continue
            if any(t.start < m.end() and start < t.end for t in taken):
                break
            named = [p for p in people if rules.surname_of(p) == surname]
            if len(named) == 1:
                out.append(_Arg(start, m.end(), named[0], "PERSON"))
            break
    return out


@functools.cache
def _trigger_re() -> re.Pattern[str]:
    return re.compile(trigger_pattern(load_triggers()))


@functools.cache
def _after_trigger() -> re.Pattern[str]:
    """A lead that ends in a trigger verb: the head after it is that verb's object (结束访问A和B)."""
    return re.compile(f"(?:{_trigger_re().pattern})了?$")


@functools.cache
def _visit_verbs() -> str:
    """The lexicon's visit verbs as one alternation."""
    return trigger_pattern(triggers_of("visits"))


@functools.cache
def _after_visit() -> re.Pattern[str]:
    """A lead that ends in a visit verb (访问了): the place after it is its object."""
    return re.compile(f"(?:{_visit_verbs()})[了过]?$")


def normalise_amount(text: str) -> int | None:
    """ "10亿元" -> 1000000000; None for other currencies or a number it cannot read."""
    m = _AMOUNT.fullmatch(text.strip())
    if m is None or not m.group("unit").startswith("元") or m.group("num") is None:
        return None
    num = m.group("num").replace("．", ".").replace("·", ".")
    try:
        value = Decimal(num) if num[0].isdigit() else Decimal(_chinese_number(num))
    except (InvalidOperation, ValueError):
        return None
    return int(value * _MULT[m.group("mult") or ""])


def _count(text: str) -> int | None:
    """A count written in digits (4, ４) or Chinese numerals (五, 十二); None for one that names no
    number (几国)."""
    if text.isdigit():
        return int(text)
    return _chinese_number(text) if all(ch in _CN_DIGIT or ch in "十百千" for ch in text) else None


def _chinese_number(text: str) -> int:
    total, digit = 0, 0
    for ch in text:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        else:
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = 0
    return total + digit


# What a head says of the subject when it is not the subject (subject(), _verdict()).
_SKIP = "skip"  # not it: look further left
_MODIFIER = "modifier"  # it qualifies a later head


@dataclass(frozen=True)
class _Arg:
    start: int  # sentence-relative
    end: int
    text: str
    type: str
    abbreviated: bool = False  # a one-character country form (华, 中美)


class _Sentence:
    """One sentence's text, head mentions and clauses (all offsets relative to the sentence)."""

    def __init__(self, text: str, mentions: list[_Arg]) -> None:
        self.text = text
        self.args = mentions
        # 在A、B等陪同下 (over commas too): the escorts' span, from 在 to 陪同下
        self.escorts = [e.span() for e in _ESCORT_SPAN.finditer(text)]
        outer = _join_dotted(self._outer(mentions))
        self.mentions = outer
        self.heads = []
        # head start -> start of its qualifiers (西班牙首相阿斯纳尔)
        self.chain_start: dict[int, int] = {}
        chain = None
        for i, m in enumerate(outer):
            chain = m.start if chain is None else chain
            if not self._qualifies_next(i):
                self.heads.append(m)
                self.chain_start[m.start] = chain
                chain = None
        bounds = _clause_bounds(text, outer)
        self.clauses = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]

    def _outer(self, mentions: list[_Arg]) -> list[_Arg]:
        """The mentions no longer one holds, a side or a kind (巴方, 中资, 美国公司, 各区、县政府,
        escorts) kept as KIND: no named party, but it holds its place in the clause, so no name
        further off is taken for it."""
        text = self.text
        outer: list[_Arg] = []
        for m in sorted(_split_joined(mentions), key=lambda m: (m.start, -m.end)):
            # 各区、县政府: every one of a kind
            each = _EACH_BEFORE.search(text, 0, m.start) is not None
            # 在A、B陪同下: escorts
            each = each or any(a + 1 < m.start and m.end <= b for a, b in self.escorts)
            if (
                each
                or _GENERIC.fullmatch(m.text)
                or _place_and_kind(m.text)
                or (m.end - m.start == 1 and text.startswith(("方", "资"), m.end))
            ):
                m = _Arg(m.start, m.end, m.text, "KIND")
            if outer and m.start < outer[-1].end:
                continue  # inside a longer mention (甲市 in 甲市开发区…产业园)
            outer.append(m)
        return outer

    def _form_before_post(self, m: _Arg, nxt: _Arg) -> bool:
        return (
            m.abbreviated
            and nxt.type == "PERSON"
            and load_rules().title_re.fullmatch(self.text, m.end, nxt.start) is not None
        )

    def _qualifies_next(self, i: int) -> bool:
        """A place or body before a title and a person (or before a body that qualifies one):
        中央纪委常委、监察部副部长赵洪祝, 西班牙首相阿斯纳尔, 中国首都北京市."""
        if i + 1 >= len(self.mentions):
            return False
        m, nxt = self.mentions[i], self.mentions[i + 1]
        if m.type == "PERSON" or m.abbreviated:
            # 叙总统A, 俄总理B: a country's one-character form before a post and a name
            return self._form_before_post(m, nxt)
        # 甲州（简称甲）州长A: an aside right after the name does not part it from its post; nor do
        # quotation marks (甲地「乙银行」总裁A, 甲地「财政部长」B: a name or post the paper quotes)
        gap = _QUOTE_MARKS.sub("", _ASIDE.sub("", self.text[m.end : nxt.start], count=1))
        if self._gap_ends_name(m, nxt, gap):
            return False
        if gap.endswith("、") and (_ends_in_title(gap[:-1]) or _DELEGATE.fullmatch(gap[:-1])):
            # 甲委员会副主任、乙协会会长A; 甲党代表、乙部副部长A: two posts of one person
            gap = gap[:-1]
        if _portfolios(m, gap, nxt):
            return nxt.type == "PERSON" or self._qualifies_next(i + 1)
        if not _qualifier_gap(nxt, gap):
            return False
        if _trigger_re().search(gap):
            return False  # 前往甲城会晤乙国总统A: a trigger verb between them
        if nxt.type == "PERSON" or gap == "":
            return True
        if m.type == "LOC" and nxt.type == "LOC" and "、" not in gap:
            return not self._journey(m, gap)
        return self._qualifies_next(i + 1)

    def _journey(self, m: _Arg, gap: str) -> bool:
        """Two places, the words between them a journey's (离开甲城去乙城), a verb (出访甲国以实现
        乙、丙关系) or a way back (访问甲国后回京): the first does not qualify the second."""
        left = re.search(r"(?:离开|飞离|从)$", self.text[: m.start])
        if left and _GO_TO.search(gap):
            return True
        return re.search(r"以|实现|[和与同对向从]|回(?!归)|返", gap) is not None

    def _gap_ends_name(self, m: _Arg, nxt: _Arg, gap: str) -> bool:
        """What stands between m and the next mention closes m's name: another country, a verb
        of saying, a dateline, the end of a list of places or of a visit's object."""
        if _side_by_side(m, nxt):
            return True  # no country qualifies another
        if _SAYING.search(gap):
            return True  # 访问甲国时指出乙国…: a verb of saying ends the name before it
        cut = _CLAUSE_END.search(self.text, m.end)
        if cut is not None and cut.start() <= nxt.start:
            return True  # 甲团据新华社北京电: a dateline ends the headline's name
        if "的" in gap and self.text[m.start - 1 : m.start] == "、":
            return True  # 访问乙国、丙国的秘书长A: 丙国 ends a list of places
        # 访问甲国的乙馆馆长A: the visit's object, 的 closes the clause
        return gap.startswith("的") and bool(
            _after_visit().search(self.text, max(0, m.start - 6), m.start)
        )

    def clause_of(self, pos: int) -> tuple[int, int]:
        return next((c for c in self.clauses if c[0] <= pos < c[1]), (pos, pos))

    def heads_in(self, start: int, end: int, types: tuple[str, ...]) -> list[_Arg]:
        return [m for m in self.heads if start <= m.start and m.end <= end and m.type in types]

    def head_from(self, pos: int) -> _Arg | None:
        """The head whose name, with its qualifiers (甲国总统A), starts at ``pos``."""
        return next((m for m in self.heads if self.chain_start[m.start] == pos), None)

    def listed(
        self, first: _Arg, end: int, types: tuple[str, ...], *, joint: bool = False
    ) -> list[_Arg]:
        """``first`` and the head mentions joined to it by 、 和 及 up to ``end`` (``joint``: also
        与/同, for parties acting together: 由A与B共同投资)."""
        out = [first]
        join = _JOINT_JOIN if joint else _LIST_JOIN
        for m in self.heads:
            if m.start < out[-1].end or m.end > end:
                continue
            if m.type in types and (
                join.match(_untagged_items(_KIND_ITEM.sub("", self._gap(out[-1].end, m.start))))
                or _side_by_side(out[-1], m, forms=True)
            ):
                out.append(m)
            else:
                break
        return out

    def _gap(self, start: int, end: int) -> str:
        """The joiner between two heads, without the qualifiers and title after it (和夫人朱琳 -> 和)."""
        gap = self.text[start:end]
        for m in reversed([m for m in self.mentions if start <= m.start and m.end <= end]):
            gap = gap[: m.start - start] + gap[m.end - start :]
        gap = re.sub(r"^[和及]夫人(?=[、和及])", "", gap)  # A和夫人、B: the unnamed spouse of A
        gap = re.sub(r"^(?:内地|大陆|本土)(?=[、和及])", "", gap)  # 甲国内地、乙国: a part of A
        # 和甲院（乙院）主席B: a gloss in brackets
        gap = re.sub(r"[（(][^（）()]{0,12}[）)]", "", gap)
        gap = gap.removeprefix(h.group()) if (h := _HONORIFIC.match(gap)) else gap  # A先生、B女士
        title = load_rules().title_re.match(gap)  # A总统、B外长: the post before the joiner
        if title is not None and _JOINER_TITLE.fullmatch(gap[title.end() :]):
            gap = gap[title.end() :]
        joined = _JOINER_TITLE.fullmatch(gap)
        post = joined.group("post") if joined else ""
        if joined and (
            not post
            or _JOINED_POST.fullmatch(post)
            or all(_ends_in_title(p) for p in post.split("、"))
        ):
            return joined.group(1)
        return gap

    def subject(self, clause: tuple[int, int], before: int, types: tuple[str, ...]) -> list[_Arg]:
        """The party that does what the text before ``before`` says: the nearest head of the
        clause that no preposition governs (与会人员学习了习近平…在: 习近平), with the list it
        belongs to; else the subject carried over from the previous clause; none after a pronoun."""
        topics = self._said(clause, before)
        heads = [
            m for m in self.heads if clause[0] <= m.start and m.end <= before and not _in(m, topics)
        ]
        modifier: _Arg | None = None  # 甲地和乙地争端的: a list in a modifier goes with it
        for i in range(len(heads) - 1, -1, -1):
            m = heads[i]
            if modifier is not None and _LIST_JOIN.match(self._gap(m.end, modifier.start)):
                modifier = m
                continue
            verdict = self._verdict(heads, i, clause, before, types)
            if verdict == _MODIFIER:
                modifier = m
            elif verdict != _SKIP:
                return verdict
        if _causes(self.text, clause[0], before):
            return []  # …，并允许外资入股甲行: the carried subject only allows it
        return self._headless(clause, before, heads, topics, types)

    def _said(self, clause: tuple[int, int], before: int) -> list[tuple[int, int]]:
        """Spans of the clause that name no subject: topics (就A问题), escorts, and a time frame
        closed before the verb (在甲乙条约缔结二十周年之际来华访问)."""
        topics = [t.span() for t in _TOPIC.finditer(self.text, clause[0], before)]
        topics += [(max(a, clause[0]), b) for a, b in self.escorts if a < before and clause[0] < b]
        return topics + [t.span() for t in _CLOSED_FRAME.finditer(self.text, clause[0], before)]

    def _verdict(
        self,
        heads: list[_Arg],
        i: int,
        clause: tuple[int, int],
        before: int,
        types: tuple[str, ...],
    ) -> list[_Arg] | str:
        """What heads[i] says of the subject: _SKIP (not it, look further left), _MODIFIER (it
        qualifies a later head, and so does a list it ends), or the subject itself (none: [])."""
        lead = self._lead(heads, i, clause[0])
        governed = self._governed(heads, i, lead, clause, before, types)
        if governed is not None:
            return governed
        m = heads[i]
        if _ADJUNCT_AFTER.match(self.text[:before], m.end) and not any(
            h.start > m.end for h in heads
        ):
            return _MODIFIER
        if i and _FRAME_OPEN.search(lead) and _FRAME_CLOSE.match(self.text[:before], m.end):
            return _SKIP  # A还将在出席B年会后访问C: B is the object of a clause of time
        if _PRONOUN.search(self.text[m.end : before]) or _COUNTED_PEOPLE.search(
            self.text, m.end, before
        ):
            return []
        if _SENDS.search(lead) and i:
            # 甲政府派出乙小组到丙国考察: the group sent is not who is named as visiting
            return _SKIP
        sends = (
            _SENDS.search(self.text, m.end, before)
            and m.type == "PERSON"
            and not _sent_by(self.text, m.end, before)
        )
        if (
            sends
            or _ORGANISES.search(self.text, m.end, before)
            or _causes(self.text, m.end, before)
        ):
            # A派遣特使访问B: the envoy, unnamed, visits (a body visits by its group);
            # 组织干部到A: they go
            return []
        if re.search(r"邀请$|邀$", lead):
            return []  # 邀请A访问B: an invitation, not a visit
        return self._subject_group(heads, i, clause, before, types)

    def _governed(
        self,
        heads: list[_Arg],
        i: int,
        lead: str,
        clause: tuple[int, int],
        before: int,
        types: tuple[str, ...],
    ) -> list[_Arg] | str | None:
        """heads[i] as the object of a verb or a preposition: _SKIP, the party of a nominal event
        after 对, or None when nothing governs it. ``lead`` is heads[i]'s (_lead)."""
        m = heads[i]
        first = self._list_start(heads, i)
        titled = (
            heads[first].type == "PERSON"
            and self.chain_start[heads[first].start] < heads[first].start
        )
        verb = _after_trigger().search(self._lead(heads, first, clause[0]))
        # (a titled name after a visit verb of a headline starts a sentence; after 会见 it is the guest)
        if verb is not None and (
            not titled or load_triggers().get(verb.group().rstrip("了")) == "meets"
        ):
            return _SKIP  # 结束访问A和B后会见C: A and B are the objects of 访问
        if lead == "的" and i and self._lead(heads, i - 1, clause[0]).endswith("在"):
            return _SKIP  # 在甲市的乙饭店会见了A: the place's own place is no subject either
        listed = i and _LIST_JOIN.match(self._gap(heads[i - 1].end, m.start))
        if not _GOVERNED.search(lead) or self._framed(m, i, lead, clause, before) or listed:
            return None
        later = range(i + 1, len(heads))  # each a head a preposition governs (在B, 同C)
        if (
            lead.endswith("对")
            and m.type in types
            and all(_GOVERNED.search(self._lead(heads, k, clause[0])) for k in later)
        ):
            return [m]  # 对甲总统来华访问表示欢迎, 对A即将在B同C举行的会谈: a nominal event's party
        return _SKIP

    def _framed(self, m: _Arg, i: int, lead: str, clause: tuple[int, int], before: int) -> bool:
        """在 opens a frame of time, not a place: 在…期间, or 将于下月在A与B举行的会晤期间 and
        待到A与B会晤之后, where 在 frames the meeting, whose first party A is."""
        if not i and lead in ("在", "就在") and _TIME_FRAME.search(self.text, *clause) is not None:
            return True
        return (
            m.type == "PERSON"
            and lead.endswith(("在", "待到", "等到", "直到"))
            and _FRAMED_MEETING.match(self.text, before, clause[1]) is not None
        )

    def _subject_group(
        self,
        heads: list[_Arg],
        i: int,
        clause: tuple[int, int],
        before: int,
        types: tuple[str, ...],
    ) -> list[_Arg]:
        """The list heads[i] belongs to, with its leader, as the subject; none when its members
        are unnamed."""
        i = self._list_start(heads, i)
        group = [
            a
            for a in self.listed(heads[i], before, types)
            if a.type in types and not _ESCORT.match(self.text[a.end : a.end + 4])
        ]
        if group and all(self._post_unnamed(a) for a in group):
            return []  # 甲委员会委员和乙会常委，分别视察: members, no one named
        last = group[-1] if group else None
        # (乙局的同志到丙院参观: a body's members stand for the body)
        members = (
            last is not None and last.type == "ORG" and _BODY_MEMBERS.match(self.text, last.end)
        )
        if last and _unnamed(self.text[:before], last.end) and not members:
            return []
        if last and _UNNAMED_DUI.search(self.text[last.end : before]):
            return []  # 代表A对B来华访问表示欢迎: the event belongs to the unnamed 对-phrase
        if group and group[0] is heads[0]:
            return (
                self._carried_leader(group[0], types)
                + group
                + self._bare_list_before(clause, types)
            )
        return self._leader(heads, i, types) + group

    def _headless(
        self,
        clause: tuple[int, int],
        before: int,
        heads: list[_Arg],
        topics: list[tuple[int, int]],
        types: tuple[str, ...],
    ) -> list[_Arg]:
        """No head of the clause is the subject: 他 opening it stands for the one person named
        before; a clause with a subject of its own that is no name has none; else the subject is
        carried over from the previous clause."""
        # names and topics (就A问题) say no subject
        said = [(m.start, m.end) for m in heads] + topics
        lead = "".join(
            c
            for k, c in enumerate(self.text[clause[0] : before], clause[0])
            if not any(a <= k < b for a, b in said)
        )
        if any(a <= clause[0] and min(b, before) >= before - 2 for a, b in topics):
            lead = ""  # the clause so far is all escorts: the subject is carried
        he = _HE.match(lead)
        rest = lead[he.end() :] if he is not None else ""
        if (
            he is not None
            and len(_ADVERBIAL.sub("", rest)) <= 6
            and not (_PRONOUN.search(rest) or _SENDS.search(rest))
            and "PERSON" in types
        ):
            return self._antecedent(clause[0])  # 甲说，他将访问乙: the one person named before
        glad = _GLAD.match(lead)
        if (
            glad
            and _OWN_ACT.match(lead, glad.end())
            and self._after_speech(clause)
            and "PERSON" in types
        ):
            return self._antecedent(clause[0])  # 甲表示，很高兴访问乙: as 他
        # an adverb of sequence that opens the clause (随即…前往) says nothing of its length
        opened = _SEQUENCE.match(lead)
        if (
            _PRONOUN.search(lead)
            or len(_ADVERBIAL.sub("", lead[opened.end() if opened else 0 :])) > 6
        ):
            return []  # a long clause of its own has a subject that is no name
        if _KIND_SUBJECT.search(lead) or _UNNAMED_DUI.search(lead) or _SENDS.search(lead):
            # 参会人员又到A参观; 对某议长来访表示欢迎; 并派特使来A访问: the event is an unnamed party's
            return []
        return self._carried(clause, types)

    def _after_speech(self, clause: tuple[int, int]) -> bool:
        prev = self.clause_before(clause)
        return prev is not None and _SPEECH.search(self.text, prev[0], prev[1]) is not None

    def _lead(self, heads: list[_Arg], k: int, start: int) -> str:
        """The text between heads[k]'s name chain and the head before it (or ``start``): where a
        preposition that governs it (在B, 同C) or a verb whose object it is stands."""
        return self.text[heads[k - 1].end if k else start : self.chain_start[heads[k].start]]

    def _antecedent(self, pos: int) -> list[_Arg]:
        """Who 他/她 opening a clause is: the sentence's one person named before it (not a
        reporter of the byline); none when two are."""
        people = {
            m.text: m
            for m in self.heads
            if m.end <= pos and m.type == "PERSON" and not _REPORTER.search(self.text, 0, m.start)
        }
        return list(people.values()) if len(people) == 1 else []

    def _leader(self, heads: list[_Arg], i: int, types: tuple[str, ...]) -> list[_Arg]:
        """A率(领)B代表团访问C: the person who leads the subject goes too."""
        prev = heads[i - 1] if i else None
        lead = self.text[prev.end : self.chain_start[heads[i].start]] if prev is not None else ""
        if "，" in lead:
            return self._carried_leader(heads[i], types)
        if (
            prev is None
            or prev.type != "PERSON"
            or prev.type not in types
            or not _LEADS_GROUP.fullmatch(_without_adverbs(lead))
        ):  # A10日率B团
            return []
        return [prev]

    def _carried_leader(self, group: _Arg, types: tuple[str, ...]) -> list[_Arg]:
        """甲离开北京，率乙代表团对丙国进行访问: a clause that opens with 率(领) a group has the
        previous clause's subject as its leader, who goes too."""
        if "PERSON" not in types:
            return []
        clause = self.clause_of(group.start)
        lead = self.text[clause[0] : self.chain_start[group.start]]
        if not _LEADS_GROUP.fullmatch(_without_adverbs(lead)):
            return []
        if any(
            h.type == "PERSON"
            and group.end < h.start < clause[1]
            and self.text.endswith("的", 0, self.chain_start[h.start])
            for h in self.heads
        ):
            return []  # 率乙代表团访问丙国的甲某: a clause on the person after it, who leads
        return [a for a in self._carried(clause, ("PERSON",)) if a.type == "PERSON"]

    def _list_start(self, heads: list[_Arg], i: int) -> int:
        """The index of the first of the list (A、B和C) that ``heads[i]`` ends."""
        while i and (
            _LIST_JOIN.match(self._gap(heads[i - 1].end, heads[i].start))
            or _side_by_side(heads[i - 1], heads[i])
        ):
            i -= 1
        return i

    def list_ending(self, clause: tuple[int, int], end: int, types: tuple[str, ...]) -> list[_Arg]:
        """The list of heads that ends at ``end`` (A总统和B主席 of …举行的会谈), when no
        preposition governs it."""
        heads = [h for h in self.heads if clause[0] <= h.start and h.end <= end]
        if not heads or heads[-1].end != end:
            return []
        i = self._list_start(heads, len(heads) - 1)
        return (
            []
            if _GOVERNED.search(self._lead(heads, i, clause[0]))
            else [h for h in heads[i:] if h.type in types]
        )

    def next_subject(self, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
        """The subject of the clause after ``clause``: its first head, with only a few words (no
        preposition) before it."""
        after = self.clauses_after(clause)
        if not after:
            return []
        nxt = after[0]
        heads = self.heads_in(nxt[0], nxt[1], _PARTIES)
        if not heads or heads[0].type not in types:
            return []
        lead = self.text[nxt[0] : self.chain_start[heads[0].start]]
        if len(lead) > 6 or _GOVERNED.search(lead) or _PRONOUN.search(lead):
            return []
        return self.listed(heads[0], nxt[1], types)

    def clauses_after(self, clause: tuple[int, int]) -> list[tuple[int, int]]:
        """The clauses of the sentence after ``clause`` (none when it is no clause of it)."""
        return self.clauses[self.clauses.index(clause) + 1 :] if clause in self.clauses else []

    def clause_before(self, clause: tuple[int, int]) -> tuple[int, int] | None:
        index = self.clauses.index(clause) if clause in self.clauses else 0
        return self.clauses[index - 1] if index else None

    def _bare_list_before(self, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
        """中央纪委副书记曹庆泽，中央纪委常委、监察部副部长赵洪祝考察: a clause that is only a titled
        name (or a list of them: 副委员长A、B、C，检察长D来到) belongs to the subject of the next
        one, and so does each such clause before it (A副主席B，C委员D，E委员F会见)."""
        out: list[_Arg] = []
        prev = self.clause_before(clause)
        while prev is not None:
            heads = self._bare_list(prev, types)
            if not heads:
                break
            out = heads + out
            prev = self.clause_before(prev)
        return out

    def _bare_list(self, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
        """The titled names that are all of ``clause``, which a comma ends (none if it is more)."""
        heads = self.heads_in(clause[0], clause[1], types)
        if not heads or heads[-1].end != clause[1] or any(h.type != "PERSON" for h in heads):
            return []
        if self.listed(heads[0], clause[1], ("PERSON",)) != heads:
            return []
        inner = [m for m in self.mentions if clause[0] <= m.start < heads[0].start]
        titled = (inner and inner[0].start == clause[0]) or load_rules().title_re.match(
            self.text, clause[0]
        ) is not None
        if not titled or self.text[clause[1] : clause[1] + 1] not in "，,":
            return []
        return heads

    def _carried(self, clause: tuple[int, int], types: tuple[str, ...]) -> list[_Arg]:
        index = self.clauses.index(clause) if clause in self.clauses else 0
        for prev in reversed(self.clauses[:index]):
            text = self.text[prev[0] : prev[1]]
            if text.endswith("陪同下"):
                return self._escorted(prev[1], types)  # A在B的陪同下，参观了C
            if _SPEECH.search(text) and not _HEARD.search(text) or "陪同" in text or "见证" in text:
                return []
            led = _led_spans(self.text, prev)
            heads = [
                m
                for m in self.heads_in(prev[0], prev[1], ("PERSON", "ORG", "LOC"))
                if not _in(m, led)
            ]
            if not heads:
                continue
            glued = self._headline_end(prev, heads)
            heads = heads[glued:]
            lead = self.text[prev[0] : self.chain_start[heads[0].start]]
            verb = re.search(r"[了过](?P<post>[\u4e00-\u9fff]{0,10})$", lead)
            if verb is not None and (not verb.group("post") or _ends_in_title(verb.group("post"))):
                continue  # 拜会了(总理)A，访问了B: A is the object of a clause whose subject is earlier
            if (
                not glued
                and _after_trigger().search(lead)
                and lead[:1] not in "在从"
                and not self.text.startswith("的", heads[0].end)  # 应邀访问甲地的乙某: a modifier
            ):
                continue  # 会晤甲国总理A，并致辞，然后会见B: A is met, the subject is earlier
            found = self._carried_from(prev, heads, clause, types)
            if found is not None:
                return found
        return []

    def _headline_end(self, prev: tuple[int, int], heads: list[_Arg]) -> int:
        """甲国总理访问乙国丙国总理丁某今天抵达…: a headline run into its lead (the line break
        lost): the trigger's object, a country, glued to the country that opens a titled person's
        name chain. The lead's heads start at that person (0: no such headline)."""
        for k, h in enumerate(heads):
            if h.type != "PERSON" or self.chain_start[h.start] == h.start:
                continue  # no titled name chain
            chain = [
                m
                for m in self.mentions
                if self.chain_start[h.start] <= m.start and m.end <= h.start
            ]
            # two countries glued (乙国丙省省长 is one chain: a place in a country qualifies)
            glued = len(chain) >= 2 and chain[0].end == chain[1].start
            if (
                glued
                and _country(chain[0])
                and _country(chain[1])
                and _after_trigger().search(self.text, prev[0], chain[0].start)
            ):
                return k
        return 0

    def _carried_from(
        self,
        prev: tuple[int, int],
        heads: list[_Arg],
        clause: tuple[int, int],
        types: tuple[str, ...],
    ) -> list[_Arg] | None:
        """The subject an earlier clause ``prev`` hands on (its first head's list, with the body it
        leads), none, or None when the subject lies further back."""
        first = heads[0]
        if first.type not in types or _GOVERNED.search(self.text[prev[0] : first.start]):
            topic = self._topic(prev, heads, types) or self._qualified_subject(heads, types)
            if topic or first.type == "PERSON":
                return topic
            return None  # 去A访问时，得到甲国大使的接待，去B访问: the subject is further back
        pronoun = _PRONOUN.search(self.text[prev[0] : first.start])
        if _unnamed(self.text, first.end) or (pronoun and pronoun.end() < first.start - prev[0]):
            # 我研究甲大学，…，来考察乙: 甲 is the object of a pronoun's clause (not 我们甲团)
            return []
        said = _SAYS.match(self.text, first.end)
        if said is not None and not self.text.startswith("并", clause[0], clause[1]):
            # A称B愿…，…会谈: the clause said is B's (A宣布…，并访问C: 并 goes on with A's own acts)
            speaker_of = next((h for h in heads if h.start == said.end()), None)
            if speaker_of is not None and speaker_of.type in types:
                return self.listed(speaker_of, prev[1], types)
            return []
        group = self.listed(first, prev[1], types)
        led_group = next((h for h in heads if h.start > group[-1].end), None)
        if (
            led_group is not None
            and led_group.type in types
            and _LEADS.fullmatch(self.text[group[-1].end : self.chain_start[led_group.start]])
        ):
            group = [*group, led_group]  # A率领B代表团离开北京，开始对C访问: B goes too
        if all(self._post_unnamed(a) for a in group):
            return []
        if self._bare_list(prev, types) == group:
            return self._bare_list_before(prev, types) + group
        return group

    def _qualified_subject(self, heads: list[_Arg], types: tuple[str, ...]) -> list[_Arg]:
        """应邀对甲国进行访问的副主席A结束了…: a person after a clause that qualifies them (…的A)
        and before a verb of their own is the subject."""
        for h in heads:
            lead = self.text[heads[0].start : self.chain_start[h.start]]
            k = lead.rfind("的")
            qualified = (
                h.type == "PERSON"
                and k >= 0
                and (k == len(lead) - 1 or _ends_in_title(lead[k + 1 :]))
            )
            # 由甲舰和乙舰组成的丙编队驶抵…: the body the 由-clause makes up
            made_of = (
                h.type == "ORG"
                and lead.endswith("组成的")
                and self.text.endswith("由", 0, self.chain_start[heads[0].start])
            )
            if (qualified or made_of) and h.type in types:
                return [] if self.text.startswith(("的", "、", "和"), h.end) else [h]
        return []

    def _post_unnamed(self, m: _Arg) -> bool:
        """A body or place followed by a post and no name (甲委员会委员和…, 同甲国总统、总理的会谈):
        its unnamed holders."""
        title_re = load_rules().title_re
        # 甲国国防部|长: the post may start on the body's last character
        post = (
            (title_re.match(self.text, m.end) or title_re.match(self.text, m.end - 1))
            if m.type in ("ORG", "LOC")
            else None
        )
        return post is not None and not any(h.start == post.end() for h in self.heads)

    def _escorted(self, end: int, types: tuple[str, ...]) -> list[_Arg]:
        """The party escorted in 甲在乙、丙的陪同下 (ending at ``end``): the name right before 在."""
        opening = self.text.rfind("在", 0, end)
        while opening > 0:
            before = [h for h in self.heads if h.end <= opening]
            between = _without_adverbs(self.text[before[-1].end : opening]) if before else None
            if between is not None and (
                between == "" or _ends_in_title(between)
            ):  # 甲副总理在夫人陪同下
                group = self.list_ending((0, opening), before[-1].end, types)
                return group if group and all(h.type in types for h in group) else []
            opening = self.text.rfind("在", 0, opening)
        return []

    def _topic(
        self, clause: tuple[int, int], heads: list[_Arg], types: tuple[str, ...]
    ) -> list[_Arg]:
        """应邀对甲国进行访问的副主席A，今天到B访问: a clause whose first name is no subject, but
        which ends on a person, is that person's noun phrase; the person is the next clause's subject."""
        last = heads[-1]
        tail = self.text[last.end : clause[1]]  # …的国家副主席A， or …的A、B等外宾，
        if (
            last.type != "PERSON"
            or last.type not in types
            or not re.fullmatch(r"(?:等[\u4e00-\u9fff]{0,4})?", tail)
        ):
            return []
        listed = heads[self._list_start(heads, len(heads) - 1) :]
        if _after_trigger().search(self.text, clause[0], self.chain_start[listed[0].start]):
            return []  # 在甲地会见乙国国王A，与B会谈: A is the object met, the subject is further back
        return [m for m in listed if m.type in types]


def _relative(s: _Sentence, clause: tuple[int, int], t1: int) -> list[_Arg] | None:
    """正在芬兰访问的阿根廷外长迪特利亚, 在伊朗投资的法国公司: a trigger that qualifies a noun has
    its subject after 的 (none when that noun is no name); None when the trigger is no qualifier,
    as in A是来华访问的, where 的 closes the clause."""
    if not s.text.startswith("的", t1) or t1 + 1 >= clause[1]:
        return None
    head = next((m for m in s.heads if m.start > t1 and m.end <= clause[1]), None)
    copula = _COPULA.search(s.text, clause[0], t1)
    if (
        (head is None or head.type not in _AGENTS)
        and copula is not None
        and _kind_to_end(s, t1 + 1, clause[1])
    ):
        return s.subject(clause, copula.start(), _AGENTS)  # A是第一位来华访问的总参谋长: A
    if head is None and any(m.type in _AGENTS for m in s.heads_in(clause[0], t1, _PARTIES)):
        return None  # 听取了A赴B调研的汇报: the clause that qualifies a noun has its own subject
    if head is None or head.type not in _AGENTS:
        return []
    gap = s.text[t1 + 1 : s.chain_start[head.start]]  # 访问的甲国部长A, the country unfound
    if gap and not _ends_in_title(gap):
        return []
    group = [head]  # 在甲市访问的A、B等外宾 (not 在甲国访问的A、B等也表示: a list of speakers)
    for m in s.heads:
        if (
            m.start >= group[-1].end
            and m.end <= clause[1]
            and m.type in _AGENTS
            and s._gap(group[-1].end, m.start) == "、"
        ):
            group.append(m)
        elif m.start >= group[-1].end:
            break
    after = _HONORIFIC.match(s.text, group[-1].end)
    group = (
        group if _GUESTS_AFTER.match(s.text, after.end() if after else group[-1].end) else [head]
    )
    # 正在甲国访问的A及其率领的乙代表团: the delegation too
    led = _HIS_LED.match(s.text, group[-1].end)
    body = s.head_from(led.end()) if led is not None else None
    return group + [body] if body is not None and body.type in _AGENTS else group


def _visited_object_end(s: _Sentence, clause: tuple[int, int], t0: int, t1: int) -> int | None:
    """Where the places right after a visit verb end, when 的 follows them (访问甲国、乙国的), else
    None; None too when the verb has a subject of its own (陪同A访问甲国的B: A visits)."""
    end = clause[1]
    own = next((m for m in reversed(s.heads) if clause[0] <= m.start and m.end <= t0), None)
    gap = s.text[own.end : t0] if own is not None and own.type in _AGENTS else "了"
    if re.fullmatch(r"[^了，。；、]{0,4}", gap) and not _trigger_re().search(gap):
        return None
    after = re.match(r"[了过]?", s.text[t1:end]).end() + t1
    first = next((m for m in s.heads if m.start >= t1 and m.end <= end), None)
    if first is None or first.type not in _PLACES or s.chain_start[first.start] != after:
        return None
    last = s.listed(first, end, _PLACES)[-1]
    return last.end if s.text.startswith("的", last.end) else None


def _kind_to_end(s: _Sentence, start: int, end: int) -> bool:
    """Whether only a post or a kind of person (with the places and bodies that qualify it) runs
    from ``start`` to ``end``: 的甲国总参谋长, 的企业家."""
    rest = s.text[start:end]
    for m in reversed([m for m in s.mentions if start <= m.start and m.end <= end]):
        if m.type == "PERSON":
            return False
        rest = rest[: m.start - start] + rest[m.end - start :]
    return _KIND_NOUN.fullmatch(rest) is not None or (_ends_in_title(rest) and len(rest) <= 8)


def _kind_after(text: str, m: _Arg) -> bool:
    """对甲洲新兴国家的投资: a place before a kind of its countries or people names no target (not
    在华最大的, a superlative of the place itself)."""
    kind = _UNNAMED_AFTER.match(text, m.end)
    return kind is not None and not kind.group().startswith("最")


def _parties_fit(s: _Sentence, group: list[_Arg], t1: int, end: int) -> bool:
    """Whether a listed group signs with each other: two parties (三方: three), or bodies who sign
    one agreement or contract (A、B、C、D签订了…协议书); not four leaders who sign one text."""
    if not group:
        return False
    both = _BOTH.match(s.text, group[-1].end)
    if len(group) == (3 if both is not None and both.group() == "三方" else 2):
        return True
    return (
        len(group) >= 3
        and all(g.type == "ORG" for g in group)
        and _AGREEMENT.search(s.text, t1, end) is not None
    )


def _led_spans(text: str, clause: tuple[int, int]) -> list[tuple[int, int]]:
    """Who leads a delegation (以A为团长的, 由A率领的) is no party of their own."""
    # over the whole sentence: 以A为团长，B为团员的 runs over a comma
    return [
        (m.start(), m.end())
        for m in _LED.finditer(text)
        if m.start() < clause[1] and clause[0] < m.end()
    ]


def _in(m: _Arg, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


def _in_led(t1: int, m: _Arg, spans: list[tuple[int, int]]) -> bool:
    """Whether only a leader phrase stands between the trigger and ``m`` (会见了以A为团长的B)."""
    return any(a - t1 <= 1 and b <= m.start for a, b in spans)


def _unnamed(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` only says where an unnamed party comes from: 甲市两家商户,
    乙盟领导人, 丙院的副总理, 丁岛赞成独立的两大组织."""
    owned = _OWNED_BODY.match(text, end)
    if _UNNAMED_AFTER.match(text, end) or (owned and not _complement(text, owned)):
        return True
    owner = _OWNER.match(text, end)  # 丙院的副总理, A总理的经济顾问
    title_re = load_rules().title_re
    return owner is not None and any(title_re.match(text, owner.end() + k) for k in range(3))


def _complement(text: str, owned: re.Match[str]) -> bool:
    """甲公司(一直)是著名的医药公司，…: the body of a copula right after the name, ending its clause
    or a list, says what the name is (not 甲国特别是沿海地区的企业, 甲公司的子公司是乙国的企业:
    the body acts, or is another's)."""
    return _COPULA_AFTER.match(text, owned.start()) is not None and text.startswith(
        ("，", ",", "。", "；", ";", "、"), owned.end()
    )


def _adviser(s: _Sentence, m: _Arg) -> _Arg:
    """与A的外交顾问B举行会谈: the named person a post of ``m``'s names."""
    nxt = next((h for h in s.heads if h.start > m.end), None)
    if nxt is None or nxt.type != "PERSON" or not s.text.startswith("的", m.end):
        return m
    gap = s.text[m.end + 1 : s.chain_start[nxt.start]]
    return nxt if gap and _ends_in_title(gap) else m


def _region_counted(text: str, place: _Arg) -> bool:
    """出访非洲五国, 访问北非三国: a place that is no country, named with the count of its countries,
    is the region visited (a country's form before a count is a pair: 中美两国)."""
    if place.type != "LOC" or place.abbreviated or place.text in world_countries():
        return False
    return _REGION_COUNT.match(text, place.end) is not None


def _listed_for_count(s: _Sentence, region: _Arg) -> list[_Arg]:
    """访问甲洲三国：甲国、乙国和丙国: the places a region's count lists right after it (after a
    colon or a dash), where there are as many; the guide counts them visited with the region."""
    count = _COUNT_THEN_LIST.match(s.text, region.end) if region.type == "LOC" else None
    first = s.head_from(count.end()) if count is not None else None
    if first is None or first.type != "LOC":
        return []
    places = s.listed(first, len(s.text), ("LOC",))
    return places if len(places) == _count(count.group("n")) else []


def _people_of(text: str, end: int, kinds: re.Pattern[str] = _PEOPLE_OF_PLACE) -> bool:
    """乙市贫困群众 (or, with _BODY_PEOPLE, a body's own: 乙厂职工, 丙校两位老教授): a kind of the
    place's people right after it (not 到甲校考察教职工…: a verb between makes them the visit's
    object, not the place's kind)."""
    people = kinds.match(text, end)
    return people is not None and _trigger_re().search(people.group()) is None


def _gone_to(s: _Sentence, clause: tuple[int, int]) -> list[_Arg]:
    """到甲乡从事种植，累计投资N万元; 前来甲市…，出资修缮: the places the carried subject went to in
    the clause before, where an investment with no place of its own goes."""
    prev = s.clause_before(clause)
    went = _WENT.search(s.text, prev[0], prev[1]) if prev is not None else None
    first = s.head_from(went.end()) if went is not None else None
    return s.listed(first, prev[1], ("LOC",)) if first is not None and first.type == "LOC" else []


def _gone_with(s: _Sentence, sources: list[_Arg], end: int) -> list[_Arg]:
    """A随同B前往C访问: the person the visitors go along with, named before ``end``, goes too (not
    陪同: an escort is no visitor)."""
    along = _GOES_WITH.search(s.text, sources[-1].end, end) if sources else None
    leader = s.head_from(along.end()) if along is not None else None
    return [leader] if leader is not None and leader.type == "PERSON" and leader.end <= end else []


def _untagged_items(gap: str) -> str:
    """The joiner left when the items between two names are names the model missed (、某厂、),
    not posts (甲国总统、总理及乙院: the posts of the first), or a short modifier of the next
    name (和新建成的乙桥)."""
    gap = _UNTAGGED_ITEM.sub(lambda m: m.group() if _ends_in_title(m.group()[1:]) else "", gap)
    return _MODIFIED_ITEM.sub(r"\1", gap)


def _ends_in_title(gap: str) -> bool:
    """了代总理, 了甲国工业部长: only a post (and a place or body the model did not find) between
    a verb and its party."""
    gap = gap.removeprefix("了").removeprefix("过")
    if "、" in gap.rstrip("、"):  # 了甲会主席、乙国前外长: two posts of the one person named next
        *first, last = gap.rstrip("、").split("、")
        return all(
            _ends_in_title(part) or _DELEGATE.fullmatch(part) for part in first
        ) and _ends_in_title(last)
    gap = gap.rstrip("、")
    if (
        not 0 < len(gap) <= 14
        or not re.fullmatch(r"[\u4e00-\u9fff]+", gap)
        or _NOT_IN_TITLE_GAP.search(gap)
    ):
        return False
    return (
        any(m.end() == len(gap) for m in load_rules().title_re.finditer(gap))
        or _PROFESSION.search(gap) is not None
    )


def _near(text: str, start: int, end: int) -> bool:
    """Only modifiers between a preposition and its party: 与来访的某国首相某某."""
    # 同到访的某国总统某某, 和与会的某某
    gap = re.sub(r"^(?:来访|到访|前来访问|来华访问|与会)的", "", text[start:end])
    if _ends_in_title(gap):
        return True  # 同甲国副总理兼外交和环境部长A
    return (
        len(gap) <= 12
        and _QUALIFIER_GAP.match(gap) is not None
        and not re.search(r"[在到赴对向由与同和就]|会见|会谈|签", gap)
    )


_AGENTS = ("PERSON", "ORG")
_PLACES = ("LOC", "ORG", "PROJECT")
_PARTIES = ("PERSON", "ORG", "LOC")


class _Found(NamedTuple):
    """What one strategy for a relation's targets found (RelationFinder._visits, _invests): the
    targets, where the subject's clause ends, or (``done``) the whole answer, subjects included."""

    targets: list[_Arg]
    subject_end: int
    done: list | None = None


def _places_after(s: _Sentence, clause: tuple[int, int], t1: int) -> list[_Arg]:
    """走访慰问了A, 参观游览了A; 访问了一些甲洲国家以及A、B: named places right after the trigger
    (after a kind of them)."""
    text = s.text
    after = next((m for m in s.heads if m.start >= t1), None)
    lead = (
        r"(?:慰问|看望|游览|指导)?(?:了|过)?"
        r"(?:[\u4e00-\u9fff]{2,8}(?:国家|地区|城市)(?:以及|及|和|、))?"
        rf"(?:{_STOP.pattern})?"  # 访问第二站甲国: a stop of the journey
    )
    kind = (
        re.match(r"(?:国家|地区|城市)(?:以及|及|和|、)", text[after.end :])
        if after is not None
        else None
    )
    if kind is not None:  # 甲洲国家以及A: the kind's place is no target, the places after it are
        after = next((m for m in s.heads if m.start == after.end + kind.end()), None)
    if after is None:
        return []
    # 视察甲国北部乙道: the place's qualifiers belong to it (not 华 of a longer name, nor a
    # delegation)
    whole = not after.abbreviated and not _DELEGATION.fullmatch(after.text)
    start = s.chain_start[after.start] if whole else after.start
    if after.type in _PLACES and re.fullmatch(lead, text[t1:start]):
        return s.listed(_described_next(s, after, clause), clause[1], _PLACES)
    return []


# 乙国最大的汽车企业, 乙市附近的, 乙区正在建设的: what 的 makes of a place a description of the
# named place or body after it (no list, no verb of its own in between)
_DESCRIBES = re.compile(
    r"[^，,。；;、和及与同的]{0,10}的(?:(?![\d一二三四五六七八九十几数多]+[个家支所座位名批些])"
    r"(?!一些|部分|有关)[^，,。；;、和及与同的]{0,6}"  # not 乙国的一支丙军部队: a count of a kind
    r"(?:企业|公司|集团|工厂|厂|日报|报纸|报社|通讯社|电视台|大学|学院|学校|医院|城市|港口|首都|首府"
    r"|城|镇|村|县|市|省|州|岛|项目|工程|园区|基地|中心|定居点|纪念馆|博物馆|银行)《?)?"
)  # not 访问乙国的消息传到丙国: after 的 nothing, or a kind the name after it is of


def _described_next(s: _Sentence, place: _Arg, clause: tuple[int, int]) -> _Arg:
    """参观了乙国最大的汽车企业丙公司, 考察了乙市的丙项目: a place that only describes the named
    place or body after it is no object of its own; that name is (the place qualifies it, as 视察
    甲国北部乙道 does)."""
    nxt = next((m for m in s.heads if m.start >= place.end), None)
    if (
        place.type != "LOC"
        or nxt is None
        or nxt.end > clause[1]
        or nxt.type not in _PLACES
        or nxt.abbreviated
        or _DELEGATION.fullmatch(nxt.text)
    ):
        return place
    gap = s.text[place.end : s.chain_start[nxt.start]]
    if _DESCRIBES.fullmatch(gap) and not _trigger_re().search(gap):
        return nxt
    return place


def _places_after_relative(s: _Sentence, clause: tuple[int, int], t1: int) -> list[_Arg]:
    """视察了与甲国接壤的乙区: the place after a relative clause (a verb with its aspect, no
    noun)."""
    rel = re.match(r"[了过][^，,。；;]{1,20}?的", s.text[t1 : clause[1]])
    after = next((m for m in s.heads if rel is not None and m.start == t1 + rel.end()), None)
    if after is not None and after.type in _PLACES and not _trigger_re().search(rel.group()):
        return s.listed(after, clause[1], _PLACES)
    return []


def _named_places(text: str, targets: list[_Arg]) -> list[_Arg]:
    """非洲国家, 欧洲4国: a kind or a group of countries is not one place (but the last of a list
    the count sums up is: 对甲、乙和丙3个国家进行访问)."""
    summed = len(targets) >= 2 and _SUMMED.match(text, targets[-1].end) is not None
    return [
        t
        for t in targets
        if (summed and t is targets[-1])
        or _region_counted(text, t)
        # 看望了乙厂职工: the people called on are the body's own, so the body is visited
        or (t.type == "ORG" and _people_of(text, t.end, _BODY_PEOPLE))
        or not (
            _UNNAMED_AFTER.match(text, t.end)
            or _COUNTRIES_AFTER.match(text, t.end)
            or (t.type != "ORG" and _people_of(text, t.end))  # a body's people: the body
        )
    ]


def _abbreviated_pair(s: _Sentence, clause, t0: int, t1: int, *, objects: bool) -> list:
    """中俄政府间签署的, 俄日要想签署和约: two country forms side by side before the trigger (中俄,
    not 京 of 在京) as its two parties."""
    text = s.text
    forms = [m for m in s.heads if clause[0] <= m.start and m.end <= t0 and m.abbreviated]
    adjacent = [[a, b] for a, b in itertools.pairwise(forms) if a.end == b.start]
    pair = adjacent[0] if len(adjacent) == 1 else []
    if (
        len(pair) == 2
        and not any(
            m.abbreviated and m.end == pair[0].start or m.start == pair[1].end for m in forms
        )
        and not re.search(
            r"(?:就|关于)$", text[clause[0] : pair[0].start]
        )  # 就甲乙和平进程: a topic
        and _pair_after().match(text[: t1 + 1], pair[1].end)
        and not (not objects and _TREATY.search(text[t1 : clause[1]]))
    ):
        return [(pair[0], pair[1], None)]
    return []


def _title_scope(s: _Sentence, t0: int) -> tuple[_Sentence, int]:
    """Where a trigger's parties are: the sentence, or the title in 《》 the trigger is inside, a
    text of its own (《甲乙深化合作》《丙高度评价与丁的会谈》: 甲乙 are no party of that 会谈);
    with the offset of that text in the sentence."""
    title = next((m for m in _TITLE.finditer(s.text) if m.start() < t0 < m.end()), None)
    if title is None:
        return s, 0
    start, end = title.start() + 1, title.end() - 1
    inside = [
        _Arg(a.start - start, a.end - start, a.text, a.type, a.abbreviated)
        for a in s.args
        if start <= a.start and a.end <= end
    ]
    return _Sentence(s.text[start:end], inside), start


def _declared_short_forms(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """甲乙投资银行（甲投行）, 丙公司（以下简称“丙”）: the short form a body's name declares in
    brackets after it stands for that name wherever the article uses it."""
    out = {}
    for m in mentions:
        if m.type in ("ORG", "LOC") and m.start >= 0:
            short = _SHORT_FORM.match(text, m.end)
            if short is not None and _abbreviates(short.group(1), m.text):
                out[short.group(1)] = m.text
    return out


def _abbreviates(short: str, name: str) -> bool:
    """Each character of ``short`` is one of ``name``'s, in order (甲投行 of 甲乙基础设施投资银行)."""
    rest = iter(name)
    return len(short) < len(name) and all(c in rest for c in short)


def _post_holders(extraction: Extraction, people: Sequence[str]) -> set[str]:
    """One name, one reading per article: a holder of a post there (市长甲拉亚) is a person where
    the model read the bare name as a place (会见了甲拉亚), unless the name is a known place (a
    title before a region, 主席拉美之行, makes no holder of it)."""
    places = world_places() | load_rules().regions
    return {
        r.person
        for r in extraction.roles
        if r.person in people and r.person not in places and r.person not in gazetteer()
    }


def _on_behalf(s: _Sentence, clause: tuple[int, int], a: _Arg) -> _Arg:
    """甲某代表乙政府与丙签署: the person who acts on behalf of a body is the party, not the body."""
    start = s.chain_start.get(a.start, a.start)
    if a.type == "PERSON" or not s.text.endswith("代表", clause[0], start):
        return a
    people = [
        h for h in s.heads if clause[0] <= h.start and h.end <= start - 2 and h.type == "PERSON"
    ]
    # only who stands right before 代表 (a time, a place 在甲市, a gloss between): not a witness
    if people and _BEHALF_GAP.fullmatch(s.text, people[-1].end, start - 2):
        return people[-1]
    return a


_PEOPLE_KIND = re.compile(r"(?:人士|官员|要员|成员|客人|嘉宾|领导人?|负责人|代表|人员|人|者)$")


def _partner_kind(s: _Sentence, clause: tuple[int, int], t0: int) -> str:
    """与多位代表会面: the unnamed partners' kind right before the verb, where no name stands."""
    kind = re.search(r"[与同]([^，。；与同]{1,16})$", s.text[clause[0] : t0])
    if kind is None or any(clause[0] + kind.start(1) < m.end and m.start < t0 for m in s.mentions):
        return ""
    return kind.group(1)


def _included(s: _Sentence, clause: tuple[int, int], t0: int, t1: int, types) -> list[_Arg]:
    """拜访多个部门，包括甲委、乙行 (or 与多位代表会面，包括甲某): a kind after the verb (or of the
    partners before it), then the named members it includes."""
    after = s.clauses_after(clause)
    if not after or any(t1 <= m.start for m in s.mentions if m.end <= clause[1]):
        return []
    start, end = after[0]
    first = next((h for h in s.heads if start <= h.start and h.end <= end), None)
    if first is None or not re.fullmatch(r"包括[：:]?", s.text[start : s.chain_start[first.start]]):
        return []  # not 包括由甲某率领的…: the members named come first
    # 会见多位人士，包括甲某: people for a kind of people, bodies or places for any other kind
    kind = s.text[t1 : clause[1]] or _partner_kind(s, clause, t0)
    people = _PEOPLE_KIND.search(kind) is not None
    members = s.listed(first, end, types)
    if s.text.startswith("在内", members[-1].end):
        return []  # 包括甲某、乙某在内的中方官员: they qualify another kind
    if not kind or any((m.type == "PERSON") != people or m.type not in types for m in members):
        return []
    return members


def _cut_short(a: _Arg, latin: list[_Arg]) -> bool:
    """The model's name is only part of a Latin-letter name after a post (甲长Jay|Doe, or the
    name without the space that parts it from the post)."""
    return any(
        n.start <= a.start and a.end <= n.end and a.end - a.start < n.end - n.start for n in latin
    )


def _latin_people(text: str) -> list[_Arg]:
    """甲部部长Jane Doe: a name in Latin letters right after a post is a person (the model reads
    only Chinese characters)."""
    title_re = load_rules().title_re
    found = []
    for m in _LATIN_NAME.finditer(text):
        post = text[max(0, m.start() - 8) : m.start()].rstrip()
        if any(t.end() == len(post) for t in title_re.finditer(post)):
            start = m.start() - (
                text[m.start() - 1] == " "
            )  # 主席 Jay Doe: the space is the name's
            found.append(_Arg(start, m.end(), m.group(), "PERSON"))
    return found


def _of_place_in(s: _Sentence, m: _Arg, clause: tuple[int, int]) -> bool:
    """``m`` is qualified by a place named in ``clause`` (甲国总统乙某 after 访问甲国)."""
    chain = s.text[s.chain_start.get(m.start, m.start) : m.start]
    return any(
        h.type == "LOC" and h.text in chain for h in s.mentions if clause[0] <= h.start < clause[1]
    )


def _framed_guest(s: _Sentence, clause: tuple[int, int], t0: int) -> bool:
    """A clause of time that opens with the meeting verb, (在)会见A时: who met A is the subject of
    the clause after it, unless that clause only seats its people (会见A时，B、C在座)."""
    text = s.text
    after = s.clauses_after(clause)
    return (
        text[clause[0] : t0] in ("", "在")
        and text[clause[1] - 1 : clause[1]] == "时"
        and bool(after)
        and _SEATED.search(text, *after[0]) is None
    )


def _co_listed(s: _Sentence, clause, link: re.Match, partner: _Arg) -> bool:
    """A和B: the partner after 和 is listed with the head before it, not governed by a locative 在."""
    left = [m for m in s.heads if clause[0] <= m.start and m.end <= link.start()]
    if not left:
        return False
    locative = re.search(r"在$", s.text[clause[0] : s.chain_start[left[-1].start]]) is not None
    return not locative and bool(_LIST_JOIN.match(s._gap(left[-1].end, partner.start)))


def _with_listed(s: _Sentence, clause, link: re.Match, listed: list[_Arg], t1: int, types, led):
    """The subject before 与/同 with each partner listed after it (not a leader of a delegation,
    nor an unnamed holder of a post)."""
    text = s.text
    sources = [_on_behalf(s, clause, a) for a in s.subject(clause, link.start(), types)]
    if not sources and (
        _TIME_AFTER.match(text, t1) and text.startswith("在", clause[0]) or _framing(text, clause)
    ):
        sources = s.next_subject(clause, types)  # 在同A的会见中，B强调; 同A签署协议后，B…
    last = listed[-1]
    if (
        len(listed) > 1
        and not re.search(r"[（(]", text[listed[0].end : last.start])  # an aside is no list
        and not _MEMBERS.match(text, last.end)
        and (_unnamed(text, last.end) or s._post_unnamed(last))
    ):
        # 与甲省政府及乙市政府高层官员会面: the bodies' unnamed officials (as after 会见); a person
        # named in the list is still met (与甲某及乙国政府官员会面)
        listed = [p for p in listed if p.type == "PERSON"]
    partners = [_adviser(s, p) for p in listed if not _in(p, led)]
    partners = [p for p in partners if not _unnamed(text, p.end) and not s._post_unnamed(p)]
    if len(sources) > 1 and len(partners) > 1 and "分别" in text[sources[-1].end : link.start()]:
        # A、B分别与C、D签约: respectively, A with C and B with D; lists of unequal length do not
        # say who with whom
        if len(sources) != len(partners):
            return []
        return [(a, b, None) for a, b in zip(sources, partners, strict=True)]
    return [(a, b, None) for a in sources for b in partners]


def _invested_place(s: _Sentence, clause, t0: int, amount: str | None) -> _Found:
    """The places a preposition before the verb names as invested in: the 对-phrase next to the
    verb first (在甲对乙投资上: 乙), else the first preposition's; 甲对乙投资 names the investor too
    (``done``), 外国人对乙投资 a kind of investor (done, none)."""
    text = s.text
    tail = r"(?:进行|追加|共同|首次|继续|大量|的)?$"
    prep = re.search(r"对([^，,；;对]{1,12}?)" + tail, text[clause[0] : t0])
    if prep is None or not any(m.start == clause[0] + prep.start(1) for m in s.heads):
        prep = re.search(r"(?:在|向|对|到|来)([^，,；;]{1,30}?)" + tail, text[clause[0] : t0])
    if prep is None:
        return _Found([], t0)
    p0 = clause[0] + prep.start(1)
    first = next((m for m in s.heads if m.start >= p0 and m.end <= t0), None)
    if first is None or first.start - p0 > 1 or first.type not in _PLACES:
        return _Found([], t0)
    targets = [b for b in s.listed(first, t0, _PLACES) if not _kind_after(text, b)]
    subject_end = p0 - 1
    owner = next((m for m in s.heads if m.end == subject_end and m.type in _PARTIES), None)
    if owner is not None and text[subject_end] == "对":  # 甲对乙投资: 甲 invests
        return _Found(targets, subject_end, [(owner, b, amount) for b in targets])
    if text[subject_end] == "对" and _KIND_INVESTOR.search(text, 0, subject_end):
        return _Found([], subject_end, [])  # 外国人对乙投资: a kind invests
    return _Found(targets, subject_end)


def _invested_by(s: _Sentence, clause, t0: int, t1: int, targets: list[_Arg]):
    """由A与B联合投资: the investors after 由, and (when none is named yet) what they build: the
    sentence's topic (新竣工的甲大厦…，由A投资) or the clause's own subject (甲中心由A出资N建设).
    None for investors when 由 names a kind (由企业投资)."""
    text = s.text
    you = text.rfind("由", clause[0], t0)
    if you < 0:
        return [], targets
    first = next((m for m in s.heads if m.start >= you + 1 and m.end <= t0), None)
    if (
        first is None
        and re.fullmatch(r"由(?![于此衷])[^，,；;、]{1,6}", text[you:t0])
        and text[you - 1 : you] not in ("自", "理", "经", "缘", "来")  # 自由, 理由, 经由
        and not any(m.start <= you < m.end for m in s.mentions)
    ):
        return None, targets  # 由企业投资: an unnamed kind invests, no subject carried in
    if first is None or first.start != you + 1:
        return [], targets
    investors = s.listed(first, t0, _PARTIES, joint=True)
    topic = s.heads[0] if s.heads and s.heads[0].start < clause[0] else None
    if not targets and _built(topic) and t1 >= clause[1] - 1:
        targets = [topic]  # 新竣工的甲大厦…，由A与B联合投资: what the sentence is about
    own = next((m for m in reversed(s.heads) if clause[0] <= m.start and m.end <= you), None)
    if not targets and _built(own) and _BEFORE_BY.fullmatch(text, own.end, you):
        targets = [own]  # 甲中心由A出资N建设: the clause's own subject
    return investors, targets


_TOGETHER = "(?:共同|联合|一起|一道)"


def _with_partners(s: _Sentence, clause, investors: list[_Arg], t0: int) -> list[_Arg]:
    """A与B共同投资, A同B合资兴建: the partner after 与/同 invests too, where the verb says they act
    together (an adverb of it, or 合资 itself); 与 alone names a counterpart (A与B签约)."""
    together = re.search(_TOGETHER + "$", s.text[:t0]) or s.text.startswith("合资", t0)
    if not investors or together is None:
        return investors
    last = s.listed(investors[-1], t0, _PARTIES, joint=True)[-1]
    earlier = [m for m in s.heads if m.start <= investors[0].start and m.type in _PARTIES]
    found = investors
    for first in earlier:  # the longest such list: A与B、C共同出资
        joined = s.listed(first, t0, _PARTIES, joint=True)
        if joined[-1] is last and investors[0] in joined:
            found = joined
            break
    return found + [m for m in _clause_partners(s, clause, found, t0) if m not in found]


def _clause_partners(s: _Sentence, clause, investors: list[_Arg], t0: int) -> list[_Arg]:
    """A…，同年与B合资创办C: the subject carried over from an earlier clause, the partners after
    与/同 in the verb's own clause, right before it (or its 共同)."""
    text = s.text
    if clause[0] == 0 or investors[-1].end > clause[0]:
        return []
    for m in s.heads_in(clause[0], t0, _PARTIES):
        if re.search(r"[与同]$", text[: m.start]):
            partners = s.listed(m, t0, _PARTIES, joint=True)
            rest = text[partners[-1].end : t0]
            return partners if re.fullmatch(_TOGETHER + "?", rest) else []
    return []


def _party(text: str, m: _Arg, types: tuple[str, ...], led) -> bool:
    """A guest that can be a party: a country or body stands for its delegation (美国代表团), a
    kind of people (会见甲国军人, 会见乙国企业家) or a delegation's leader does not."""
    if _in(m, led) or _UNNAMED_AFTER.match(text, m.end):
        return False
    return m.type in types or _DELEGATION.match(text, m.end) is not None


def _guest_named(s: _Sentence, first: _Arg, types: tuple[str, ...], led) -> _Arg | None:
    """Who is met when the first name after the trigger only leads or has the guest: 会见了A率领的
    B代表团 (B), 会见了A总理的夫人B, A的特使B (B); none when that guest is unnamed."""
    text = s.text
    led_by = _LED_BY.match(text, first.end)
    if led_by is not None:
        # A率领的某某代表团 with no place or body: an unnamed delegation
        first = next(
            (m for m in s.heads if m.start >= led_by.end() and _party(text, m, types, led)), None
        )
        if first is None:
            return None
    kin = _KIN.match(text, first.end)
    if kin is None:
        return first
    nxt = next((m for m in s.heads if m.start > first.end), None)
    if nxt is None or nxt.type != "PERSON" or s.chain_start[nxt.start] != kin.end():
        return None  # the one met is unnamed (A的特使), or a name the model did not find
    return nxt


def _qualifier_gap(nxt: _Arg, gap: str) -> bool:
    """The words between a place or body and the next mention can qualify it: title words
    (甲国副总理兼外交和环境部长A: 和 inside a post, a post before it too; not 甲队刚刚和主帅A; 兼经济
    与发展大臣: 与 inside a post too, not 甲国外长与总理A: two posts)."""
    joined = (
        "和"
        if "和" in gap
        else "与"
        if "与" in gap and not _ends_in_title(gap.split("与")[0])
        else None
    )
    titled = (
        nxt.type == "PERSON"
        and joined is not None
        and _ends_in_title(gap)
        and load_rules().title_re.search(gap.split(joined)[0]) is not None
    )
    return titled or (
        _QUALIFIER_GAP.match(gap) is not None
        and not _NOT_IN_QUALIFIER_GAP.search(gap)
        and not gap.startswith("、")
        and not gap.endswith("、")
    )


def _sent_by(text: str, start: int, before: int) -> bool:
    """甲受乙(的)委派来丙访问 between ``start`` and ``before`` (what follows 委派 may lie past it)."""
    sent = _SENT_BY.search(text, start)
    return sent is not None and sent.start() < before


def _attended(s: _Sentence, start: int, partner: _Arg, t0: int) -> bool:
    """与多位出席甲会年会的代表: a body right after 出席/参加/来自 in a 与-phrase is that verb's object,
    when no person is named after it (与来自乙国的甲某: 甲某 is the partner)."""
    gap = s.text[start : s.chain_start[partner.start]]
    return (
        re.search(r"(?:出席|参加|参与|来自)$", gap) is not None
        and partner.type != "PERSON"
        and not any(h.type == "PERSON" and partner.end <= h.start < t0 for h in s.heads)
    )


def _stop_named(s: _Sentence, clause: tuple[int, int], t0: int, t1: int) -> list[_Arg]:
    """甲国是A此行访问乙洲三国的首站: the place the clause says is a stop of the visit is visited."""
    first = next((h for h in s.heads if h.start >= clause[0]), None)
    if (
        first is None
        or first.type != "LOC"
        or s.chain_start[first.start] != clause[0]
        or not s.text.startswith("是", first.end)
        or _STOP_OF_VISIT.match(s.text, t1, clause[1]) is None
    ):
        return []
    return [first]


def _portfolios(m: _Arg, gap: str, nxt: _Arg) -> bool:
    """A ministry of several portfolios joined by 、 和 及 与 is one post, its parts no bodies:
    甲国财政和商务部长A (the model's 甲国财政 before 和商务部长; not 甲代表团和外交部长A, a body and
    a person), 甲国经济、财政及预算部部长A (甲国 before 经济、 and the ministry)."""
    if nxt.type == "PERSON":
        return (
            _PORTFOLIO_TAIL.fullmatch(gap) is not None
            and m.type == "ORG"
            and m.text[-1] not in _BODY_ENDS
        )
    return _PORTFOLIO_HEAD.fullmatch(gap) is not None and nxt.text.endswith(("部", "署"))


def _join_dotted(outer: list[_Arg]) -> list[_Arg]:
    """维克多·|许会·|罗哈斯: one foreign name cut at its dots."""
    merged: list[_Arg] = []
    for m in outer:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.type == m.type == "PERSON"
            and prev.end == m.start
            and (prev.text.endswith("·") or m.text.startswith("·"))
        ):
            merged[-1] = _Arg(prev.start, m.end, prev.text + m.text, "PERSON")
        else:
            merged.append(m)
    return merged


def _clause_bounds(text: str, outer: list[_Arg]) -> list[int]:
    """0, then the start and end of each clause mark no mention spans, then the text's end."""
    bounds = [0]
    for m in _CLAUSE_END.finditer(text):
        if (
            m.group() in "，,"
            and _STILL_TOPIC.match(text, m.end())
            and re.search(r"就|关于", text[bounds[-1] : m.start()])
        ):
            continue  # 就A，特别是B举行会谈: the topic goes on over the comma
        if not any(a.start < m.start() < a.end or a.start < m.end() < a.end for a in outer):
            bounds += [m.start(), m.end()]
    bounds.append(len(text))
    return bounds


class RelationFinder:
    def __init__(self) -> None:
        self.triggers = load_triggers()

    def find(
        self, extraction: Extraction, model_names: Sequence[tuple[int, int, str, str]] = ()
    ) -> list[Relation]:
        """``model_names``: (start, end, text, label) the model found that are no mention (a
        foreign name without a Chinese surname); they may be parties where no mention overlaps."""
        article = extraction.article
        by_sentence: dict[int, list[Mention]] = {}
        for m in extraction.mentions:
            if m.sentence >= 0 and m.start >= 0:
                by_sentence.setdefault(m.sentence, []).append(m)
        out: list[Relation] = []
        pattern = _trigger_re()
        people = sorted(
            {m.text for m in extraction.mentions if m.type == "PERSON" and 2 <= len(m.text) <= 4}
        )
        post_holders = _post_holders(extraction, people)
        declared = _declared_short_forms(article.text, extraction.mentions)
        for index, sentence in enumerate(article.sentences):
            if pattern.search(sentence.text) is None:
                continue
            mentions = by_sentence.get(index, [])
            args = [
                _Arg(
                    m.start - sentence.start,
                    m.end - sentence.start,
                    declared.get(m.text, m.text),
                    "PERSON" if m.text in post_holders else m.type,
                )
                for m in mentions
                if sentence.start <= m.start and m.end <= sentence.end
            ]
            args += [
                _Arg(start - sentence.start, end - sentence.start, text, label)
                for start, end, text, label in model_names
                if (
                    end - start >= 2 or label != "ORG"
                )  # a one-character body (联 of 联大) is noise
                and sentence.start <= start
                and end <= sentence.end
                and not any(
                    a.start < end - sentence.start and start - sentence.start < a.end for a in args
                )
            ]
            abbr = country_abbreviations()
            # a one-character place (俄 of 俄日, a mention of 俄罗斯) is a country form too
            args = [
                _Arg(
                    a.start,
                    a.end,
                    abbr.get(a.text, a.text),
                    a.type,
                    a.text in abbr or _written_out(a),
                )
                for a in args
            ]
            # 中美政府, 中|美政府: the model's span over a pair of country forms gives way to the pair.
            args = [a for a in args if not _over_pair(sentence.text, a, abbr)]
            args = [a for a in args if not _no_party(sentence.text, a)]
            # 新华社安曼1月14日电: a dateline names the agency and the city of filing, never a person
            datelines = [d.span() for d in DATELINE.finditer(sentence.text)]
            args = [a for a in args if a.type != "PERSON" or not _in(a, datelines)]
            latin = _latin_people(sentence.text)
            args = [a for a in args if not _cut_short(a, latin)]
            args += _untaken(latin, args)
            args += _abbreviated(sentence.text, 0, len(sentence.text), args)
            args += _own_country(sentence.text, args)
            args += _titled_surnames(sentence.text, args, people)
            sent = _Sentence(sentence.text, args)
            seen: set[tuple[str, str, str]] = set()
            for t in pattern.finditer(sentence.text):
                if any(a.start <= t.start() < a.end for a in sent.mentions):
                    continue  # part of a name (某某投资集团)
                if _MODAL_SPLIT.match(sentence.text, t.start()):
                    continue
                relation = self.triggers[t.group()]
                where, off = _title_scope(sent, t.start())
                found = self._arguments(where, relation, t.start() - off, t.end() - off)
                for source, target, amount in found:
                    key = (relation, source.text, target.text)
                    if source.text == target.text or key in seen:
                        continue
                    seen.add(key)
                    out.append(
                        Relation(
                            relation=relation,
                            source=source.text,
                            target=target.text,
                            trigger=t.group(),
                            sentence=index,
                            source_type=source.type,
                            target_type=target.type,
                            source_start=sentence.start + off + source.start,
                            target_start=sentence.start + off + target.start,
                            trigger_start=sentence.start + t.start(),
                            amount=normalise_amount(amount) if amount else None,
                            amount_text=amount,
                        )
                    )
        return out

    def _arguments(self, s: _Sentence, relation: str, t0: int, t1: int):
        text = s.text
        if _NEGATION.search(text[max(0, t0 - 4) : t0]):
            return []
        clause = s.clause_of(t0)
        if _CONVEYED.search(text, clause[0], t0) and re.match(
            r"[和与及]|之情|$", text[t1 : clause[1]]
        ):
            return []  # 对甲地表示慰问, 致以节日的慰问和祝福: greetings sent, no one went
        if _ONLY_POSSIBLE.match(text, t1) or (
            re.search(r"(?:探讨|研究|考虑)$", text[clause[0] : t0])
            and re.search(r"的可能性?$", text[t1 : clause[1]])
        ):
            return []  # A与B会晤的前景, 探讨签订甲协定的可能性: what may happen, no event
        if relation == "visits":
            return self._visits(s, clause, t0, t1)
        if relation == "meets":
            return self._meets(s, clause, t0, t1)
        if relation == "signs_with":
            if _SIGNATORY.match(text, t1) or re.search(r"(?:有关|关于)$", text[:t0]):
                return []  # 签约国, 签署方: a signatory named as a kind, no event
            if re.search(r"(?:参与|参加)$", text[:t0]):
                return []  # 甲乙两国参与签署了…文件: signatories of a text for many, not with each other
            if _TREATY_SIGNED.search(text[clause[0] : t0]):
                return []  # 甲乙友好条约缔结N周年: the names are the treaty's, its parties unstated
            return self._pairs(s, clause, t0, t1, _PARTIES, objects=False)
        return self._invests(s, clause, t0, t1)

    def _meets(self, s: _Sentence, clause: tuple[int, int], t0: int, t1: int):
        """Host and guests: none for who only attends (参加会见, 在座; A、B会见时在座) or a meeting
        called off; the passive (A受到B的接见); else the pairs around the trigger."""
        text = s.text
        before, after = text[clause[0] : t0], text[t1 : clause[1]]
        if re.search(r"(?:参加|出席|列席)了?(?:这次|此次|本次)?$|在座", before) or re.match(
            r"时?(?:在座|在场)", after
        ):
            return []
        if _CALLED_OFF.search(before):
            return []
        passive = next(
            (m for m in _PASSIVE.finditer(text, clause[0], clause[1]) if m.end() == t0), None
        )
        if passive is not None:
            return self._passive(s, clause, passive)
        # talks between countries (A与B举行会谈): a country stands for its government
        types = _PARTIES if text[t0:t1] in frame_triggers("talks") else _AGENTS
        pairs = self._pairs(s, clause, t0, t1, types, objects=True)
        return [p for p in pairs if all(a.type != "LOC" or _country(a) for a in p[:2])]

    @staticmethod
    def _passive(s: _Sentence, clause: tuple[int, int], passive: re.Match[str]):
        """A受到B的接见: B hosts, A is met."""
        start, end = next(passive.span(g) for g in (1, 2, 3) if passive.group(g) is not None)
        first = next((m for m in s.heads if m.start >= start and m.end <= end), None)
        if first is None or first.type not in _AGENTS or s.chain_start[first.start] - start > 10:
            return []
        hosts = s.listed(first, end, _AGENTS)
        guests = s.subject(clause, passive.start(), _AGENTS)
        return [(host, guest, None) for host in hosts for guest in guests]

    def _visits(self, s: _Sentence, clause: tuple[int, int], t0: int, t1: int):
        """The places of a visit, each strategy in turn (a place gone to, 对-phrase, the places
        after the verb, a place after a relative clause), then who visits them."""
        if _FROM_AFAR.search(s.text, clause[0], t0):
            return []
        found = (
            self._went_to(s, clause, t0, t1)
            or self._visited_dui(s, clause, t0, t1)
            or self._visit_going_on(s, clause, t0)
        )
        if found is None:
            after = _places_after(s, clause, t1) or _places_after_relative(s, clause, t1)
            found = _Found(after, t0)
        if found.done is not None:
            return found.done
        targets = _named_places(s.text, found.targets)
        if not targets and (gone := self._gone_before(s, clause, t0)) is not None:
            found, targets = gone, _named_places(s.text, gone.targets)
        if not targets:
            targets = _included(s, clause, t0, t1, _PLACES)
        targets = _stop_named(s, clause, t0, t1) + targets
        if not targets:
            return []
        if len(targets) == 1 and _region_counted(s.text, targets[0]):
            # 出访北欧两国, a dateline, 应甲国A、乙国B的邀请
            targets += _invited_after(s, targets[0])
        if len(targets) == 1:
            targets += _listed_for_count(s, targets[0])
        visitors = self._visitors(s, clause, found.subject_end, t0, t1)
        return [(src, tgt, None) for src in visitors for tgt in targets]

    def _went_to(self, s: _Sentence, clause: tuple[int, int], t0: int, t1: int) -> _Found | None:
        """到A、B，C进行调研: the places after a verb of going (or a locative 在) before the
        trigger; the destination list may run over commas back to that verb."""
        text = s.text
        for go in reversed(list(_GO_TO.finditer(text, 0, t0))):
            found = self._place_list(s, go.end(), t0)
            counted = _aforesaid(s, go.end(), t0) if not found else []
            if counted:  # the places are named earlier, where what follows them is no matter
                visitors = self._visitors(s, clause, go.start(), t0, t1)
                return _Found([], t0, [(src, tgt, None) for src in visitors for tgt in counted])
            own = next((m for m in s.heads if t1 <= m.start and m.end <= clause[1]), None)
            # not 参观了乙报50年展览
            whole = own is not None and (own.end >= clause[1] or text[own.end] in "、和及时（(")
            # 来到甲大厦，参观了迁入新址的乙所; 在甲市参观乙厂: 参观 has its own object, the place is
            # only where (a locative 在 needs no comma)
            apart = bool(found) and ("，" in text[found[-1].end : t0] or go.group() == "在")
            if (
                apart
                and whole
                and re.fullmatch(r"了[^，。；]{0,16}的|了?", text[t1 : s.chain_start[own.start]])
            ):
                return None
            own_subject = [m for m in s.heads_in(clause[0], t0, _AGENTS) if m not in found]
            if found and go.start() < clause[0] and own_subject:
                return None  # 甲某来到乙市，丙某走访了…: the visit's clause has its own subject
            if (
                found
                and whole
                and own.type in _PLACES
                and not apart
                and text[t1 : own.start] in ("", "了")
                and text[t0:t1] in frame_triggers("tour")
            ):
                # 到甲市考察乙厂: the place gone to and the verb's own object are both visited
                return _Found(found + s.listed(own, clause[1], _PLACES), go.start())
            if found:
                return _Found(found, go.start())
            if go.start() < clause[0]:
                return None
        return None

    @classmethod
    def _gone_before(cls, s: _Sentence, clause: tuple[int, int], t0: int) -> _Found | None:
        """到甲地，了解情况，走访农户; 来到乙村后逐户走访: a verb whose clause names
        no place is done where an earlier clause of the same subject went, a few clauses back."""
        if s.heads_in(clause[0], t0, _AGENTS) or s.heads_in(t0, clause[1], _PLACES):
            return None  # a subject or an object of its own
        for back in reversed([c for c in s.clauses if c[1] <= clause[0]][-3:]):
            gone = list(_GONE_TO.finditer(s.text, back[0], back[1]))
            if gone:
                go = gone[-1]  # the last verb of going in that clause
                places = cls._place_list(s, go.end(), back[1])
                if not places or not _GONE_TAIL.fullmatch(s.text, places[-1].end, back[1]):
                    return None  # 前往甲地与会: gone there for something else
                return _Found(places, go.start())
            if s.heads_in(back[0], back[1], _AGENTS + _PLACES):
                return None  # a clause with names of its own stands between
        return None

    @classmethod
    def _visit_going_on(cls, s: _Sentence, clause: tuple[int, int], t0: int) -> _Found | None:
        """继续甲国乙市的访问, 展开在甲和乙的访问行程: the places of a nominal visit that goes on,
        opens or ends are visited, and so is a place gone to just before (抵达甲市，展开乙国的访问)."""
        go = _GOES_ON.search(s.text, clause[0], t0)
        places = cls._place_list(s, go.end(), t0) if go is not None else []
        if not places:
            return None
        gone = cls._gone_before(s, clause, t0)
        return _Found((gone.targets if gone is not None else []) + places, go.start())

    def _visited_dui(
        self, s: _Sentence, clause: tuple[int, int], t0: int, t1: int
    ) -> _Found | None:
        """对甲国进行访问, 对甲省乙市的访问, 对上述3国进行访问: the places of a 对-phrase before the
        trigger, with the owner of a nominal visit (甲主席对乙国的访问) as the visitor."""
        text = s.text
        dui = text.rfind("对", clause[0], t0)
        if dui < 0:
            return None
        counted = _aforesaid(s, dui + 1, t0)
        if counted:  # 对上述3国进行访问
            visitors = self._visitors(s, clause, dui, t0, t1)
            return _Found([], t0, [(src, tgt, None) for src in visitors for tgt in counted])
        if (
            not re.match(r"^[^，,；;]*?(?:的|进行)?[^，,；;]{0,8}$", text[dui:t0])
            or "问题" in text[dui:t0]
        ):
            return None  # (对甲省的住房问题进行调研: a study of a subject, no visit)
        first = next((m for m in s.heads if m.start >= dui + 1 and m.end <= t0), None)
        group = _COUNTRIES_AFTER.match(text, first.end) if first is not None else None
        then = re.match(r"(?:和|及|、)", text[group.end() :]) if group is not None else None
        region = first if then is not None and _region_counted(text, first) else None
        if then is not None:  # 对中东五国和乙国的访问: the named country after a group of them
            first = next((m for m in s.heads if m.start == group.end() + then.end()), first)
        if first is None or first.type not in _PLACES:
            return None
        last = s.listed(first, t0, _PLACES)[-1]
        # 对法访问, 结束对甲和乙访问
        plain = re.fullmatch(r"[^的进行在]{0,2}", text[last.end : t0]) is not None
        nominal = re.search(r"的|进行", text[dui:t0]) is not None
        near = s.chain_start[first.start] - dui <= 2 or then is not None  # 对甲省乙市的访问
        if not (near and (nominal or plain)):
            return None
        targets = ([region] if region is not None else []) + s.listed(first, t0, _PLACES)
        owner_end = _owner_end(s, dui) if nominal else -1
        owner = [
            h
            for h in s.heads
            if h.end == owner_end
            and h.type in _AGENTS
            and not re.search(
                r"(?:抵达|抵|到达|到|来到|飞抵|离开|途经)$", text[: s.chain_start[h.start]]
            )
        ]
        if owner:  # 在甲主席对乙国的国事访问以后: the name before 对 is the visitor
            # (甲某率乙团对丙国进行访问: with the one who leads it)
            owner = s._leader(s.heads, s.heads.index(owner[0]), _AGENTS) + owner
            return _Found([], t0, [(src, tgt, None) for src in owner for tgt in targets])
        if nominal and _HIS.search(text, clause[0], dui):  # 回顾了他去年对乙国的访问: his
            return _Found(
                [], t0, [(src, tgt, None) for src in s._antecedent(dui) for tgt in targets]
            )
        return _Found(targets, dui)

    @staticmethod
    def _visitors(
        s: _Sentence, clause: tuple[int, int], subject_end: int, t0: int, t1: int
    ) -> list[_Arg]:
        text = s.text
        # the clause the subject is sought in: the one before the locative verb, or the trigger's
        # own when that verb opens it (，前往A访问)
        own = s.clause_of(subject_end - 1 if subject_end > 0 else 0)
        if own[0] == own[1]:  # the locative verb opens its clause (，前往A访问)
            own = s.clause_of(subject_end)
        sources = _relative(s, clause, t1)
        if sources is None and (obj := _visited_object_end(s, clause, t0, t1)) is not None:
            # 曾多次访问甲国的乙馆馆长A: the places visited, then the titled visitor after 的
            sources = _relative(s, clause, obj) or None
        if sources is None:
            sources = s.subject(own if own[0] <= subject_end else clause, subject_end, _AGENTS)
        # 在A访问期间，B参观了C; 访问A期间，B指出: a clause of time, its visitor the next clause's subject
        # 在考察A的情况时
        framed = (
            _TIME_AFTER.match(text, t1)
            or _TIME_FRAME.search(text, clause[0], clause[1])
            or text[clause[1] - 1 : clause[1]] == "时"
        )
        opens = text.startswith("在", clause[0]) or clause[0] == t0
        # (在)结束访问A前，B…: a visit ended frames the clause after it too
        ended = re.fullmatch(r"在?结束", text[clause[0] : t0]) and _ENDED.search(
            text, clause[0], clause[1]
        )
        if not sources and (framed and opens or ended):
            sources = s.next_subject(clause, _AGENTS)
            if ended:  # 结束访问甲国后，甲国总统乙某…: a host of the place visited is no visitor
                sources = [m for m in sources if not _of_place_in(s, m, clause)]
        sources = sources + _gone_with(s, sources, subject_end)
        # a probe (甲号探测器, 甲局的无人探测器) explores a planet: no visit of a party
        return [
            m for m in sources if not _PROBE.match(text, m.end) and not _PROBE_NAME.search(m.text)
        ]

    @staticmethod
    def _place_list(s: _Sentence, start: int, end: int) -> list[_Arg]:
        """The places and bodies listed from right after ``start`` up to ``end`` (joined by 、 ， 和
        及; a name the model cut short may leave a few characters before the joiner), or none when
        the list does not reach ``end``."""
        out: list[_Arg] = []
        pos = start
        for m in s.heads:
            if m.start < start:
                continue
            if m.end > end:
                break
            gap = _KIND_ITEM.sub("", s.text[pos : s.chain_start[m.start]])
            # 前往新建成的A, 转往第二站B (a stop of a journey)
            first = len(gap.strip()) <= 2 or _PLACE_MODIFIER.fullmatch(gap) or _STOP.fullmatch(gap)
            paired = out and not gap and out[-1].abbreviated and m.abbreviated  # 到印巴访问
            if not (
                (_PLACE_JOIN.fullmatch(gap) or paired) if out else first
            ) or _trigger_re().search(gap):
                break  # 在A访问期间，B参观: the list ends at a verb of its own
            out.append(m)
            pos = m.end
        if (
            not out
            or not _PLACE_LIST_END.fullmatch(s.text[pos:end])
            or _OWN_VERB.search(s.text, pos, end)
        ):
            return []  # 在甲医院做了检查: a check-up, no visit
        # 进行他…的访问: his
        pronoun = _PRONOUN.search(s.text[pos:end]) and not s.text.startswith("进行", pos)
        if pronoun or _trigger_re().search(s.text, pos, end):
            # 在甲局为欢迎他访问而举行的; 在甲院会见了正在这里访问的: the place is the other event's
            return []
        return [m for m in out if m.type in _PLACES]

    def _pairs(
        self, s: _Sentence, clause, t0: int, t1: int, types: tuple[str, ...], *, objects: bool
    ):
        """A 与/同 B <trigger> (B may be a list); A和B<trigger> (each with each); for meets also
        A <trigger> B (the host first)."""
        text = s.text
        led = _led_spans(text, clause)
        pair = _abbreviated_pair(s, clause, t0, t1, objects=objects)
        if pair:
            return pair
        if any(
            a <= t0 < b for a, b in (t.span() for t in _TOPIC.finditer(text, clause[0], clause[1]))
        ):
            return []  # 就甲与乙首脑会晤事宜进行了磋商: the meeting is a topic
        partnered = self._with_partner(s, clause, t0, t1, types, led, objects=objects)
        if partnered is not None:
            return partnered
        before = self._sides_before(s, clause, t0, types, objects=objects)
        if before:
            return before
        if not objects:
            return self._signed_together(s, clause, t0, t1, types)
        if re.match(r"(?:中|时|后|前|结束|期间)", text[t1:]) and not any(
            m.start == t1 for m in s.mentions
        ):
            return []  # 在会见中, 会见时: the meeting as a time, its parties are elsewhere (not 会见中国…)
        targets = self._objects(s, clause, t1, types, led) or _included(s, clause, t0, t1, types)
        sources = s.subject(clause, t0, types)
        if not sources and targets and _framed_guest(s, clause, t0):
            # 会见A时，B转达了…: the host is the next subject, not one of A's side (A国外长C)
            sources = [
                m
                for m in s.next_subject(clause, types)
                if not _of_place_in(s, m, clause)
                and not any(m.text in g.text or g.text in m.text for g in targets)
            ]
        return [(a, b, None) for a in sources for b in targets]

    def _with_partner(
        self, s: _Sentence, clause, t0: int, t1: int, types, led, *, objects: bool
    ) -> list | None:
        """A 与/同/和 B before the trigger: the pairs, [] for no event (不与甲国举行会谈), None when
        no partner is named so."""
        text = s.text
        for link in _PARTNER.finditer(text, clause[0], t0):
            if any(m.start <= link.start() < m.end for m in s.mentions):
                continue  # 和 inside a name (甲和乙部)
            if _NOT_WITH.search(text, clause[0], link.start()):
                return []  # 不与甲国举行会谈, 要求与乙国会晤: no event
            partner = next((m for m in s.heads if m.start >= link.end()), None)
            if (
                partner is None
                or partner.end > t0
                or not _near(text, link.end(), s.chain_start[partner.start])
                or partner.type not in types
            ):
                continue
            # 与多位出席甲会年会的代表会面: the body is what unnamed people attend
            if _attended(s, link.end(), partner, t0) or _DOCUMENT_BEFORE.fullmatch(
                text, partner.end, t0
            ):
                return []  # 出席甲与乙…协定的签署仪式: the two name the document, not its signers
            later = _PARTNER.search(text, partner.end, t0)
            if link.group() == "和" and later is not None and later.group() != "和":
                continue  # A、B和C都与D签订: D is the partner
            if link.group() == "和" and _co_listed(s, clause, link, partner):
                # A和B<trigger>: co-hosts when the trigger has objects (A和夫人B会见了C), else each
                # with each, unless what they sign is a treaty for all (甲国和乙国签署条约).
                if objects and self._objects(s, clause, t1, types, led):
                    return None
                return self._mutual(s, clause, t0, t1, types, partner.end, treaty_ends=not objects)
            listed = s.listed(partner, t0, types)
            if _OTHER_TALK.search(text, listed[-1].end, t0):
                continue  # 与A商谈拟举行的会晤事宜: the partner is the other verb's
            return _with_listed(s, clause, link, listed, t1, types, led)
        return None

    def _sides_before(self, s: _Sentence, clause, t0: int, types, *, objects: bool) -> list:
        """双方签订…, 并签署了…: the two sides named in an earlier clause."""
        text = s.text
        if re.match(
            r"(?:双方|两国|两家)(?!(?:国家)?(?:首脑|领导人|元首|总统|总理|首相|外长|外相|部长|国防部长|议长))",
            text[clause[0] : t0],
        ):
            pair = self._pair_before(s, clause, types)  # A与B…，双方签订…
            if pair:
                return pair
        if not objects and re.fullmatch(
            r"(?:并|还|随后|会谈后|会见后)[^，。；]{0,4}", text[clause[0] : t0]
        ):
            return self._partners_before(s, clause, types)  # A同B举行会谈，并签署了…
        return []

    def _signed_together(self, s: _Sentence, clause, t0: int, t1: int, types) -> list:
        """A、B两国签订, 甲国乙国签署 (a headline): the subject's parties each with each; else the
        two named at the head of the document signed."""
        group = [_on_behalf(s, clause, a) for a in s.subject(clause, t0, types)]
        both = _BOTH.match(s.text, group[-1].end) if group else None
        side_by_side = len(group) == 2 and _side_by_side(*group)
        if (both is not None or len(group) >= 3 or side_by_side) and _parties_fit(
            s, group, t1, clause[1]
        ):
            return self._mutual(s, clause, t0, t1, types, group[-1].end, treaty_ends=True)
        named = self._named_in_document(s, clause, t1, types)
        if any(
            s.text.endswith("代表", clause[0], s.chain_start.get(g.start, g.start)) for g in group
        ):
            return []  # 代表甲政府签订乙与丙的备忘录: someone signs on 甲's behalf, not 乙 or 丙
        if group and not any(
            g.text in p.text or p.text in g.text for g in group for a, b, _ in named for p in (a, b)
        ):
            return []  # 甲某签订乙与丙的备忘录: a signer of their own; the names are the document's
        return named

    @staticmethod
    def _named_in_document(s: _Sentence, clause, t1: int, types: tuple[str, ...]):
        """签署了A与B合作协议: the two parties named at the head of the agreement signed."""
        after = [m for m in s.heads if t1 <= m.start and m.end <= clause[1]]
        if len(after) < 2 or not re.fullmatch(r"了?", s.text[t1 : s.chain_start[after[0].start]]):
            return []
        a, b = after[0], after[1]
        if (
            a.type not in types
            or b.type not in types
            or not _WITH.fullmatch(s._gap(a.end, b.start))
        ):
            return []
        if not _AGREEMENT.match(
            re.sub(
                r"^(?:的|关于)?[^，。；]{0,12}?(?=协议|合同|意向书|备忘录)",
                "",
                s.text[b.end : clause[1]],
            )
        ):
            return []
        return [(a, b, None)]

    @staticmethod
    def _partners_before(s: _Sentence, clause, types: tuple[str, ...]):
        """A 与/同 B 举行会谈，并签署…: the clause before names the two who go on to sign."""
        prev = s.clause_before(clause)
        if prev is None:
            return []
        link = next(_WITH.finditer(s.text, prev[0], prev[1]), None)
        partner = next((m for m in s.heads if link is not None and m.start >= link.end()), None)
        if partner is None or partner.end > prev[1] or partner.type not in types:
            return []
        if not _near(s.text, link.end(), s.chain_start[partner.start]):
            return []
        return [(a, partner, None) for a in s.subject(prev, link.start(), types)]

    @staticmethod
    def _pair_before(s: _Sentence, clause, types: tuple[str, ...]):
        """The two parties that 双方 refers back to: A与B in the clause before."""
        prev = s.clause_before(clause)
        if prev is None:
            return []
        heads = s.heads_in(prev[0], prev[1], types)
        if len(heads) < 2 or s.chain_start[heads[0].start] != prev[0]:
            return []
        a, b = heads[0], heads[1]
        if not re.fullmatch(r"[与同和跟]", s._gap(a.end, b.start)):
            return []
        return [(a, b, None)]

    @staticmethod
    def _mutual(
        s: _Sentence,
        clause,
        t0: int,
        t1: int,
        types: tuple[str, ...],
        after: int,
        *,
        treaty_ends: bool,
    ):
        """A和B<trigger>, A和B的代表签署: each with each, unless (``treaty_ends``) what they sign is a
        treaty for all (甲国和乙国签署条约)."""
        if re.match(r"(?:后|中|时|之后|期间)", s.text[t1:]) and re.search(r"在$", s.text[:t0]):
            return []  # A和B在会谈后举行的记者会上: the talks as a time
        gap = re.sub(r"^的代表团?", "", s.text[after:t0])
        post = (
            load_rules().title_re.match(gap)
            if any(m.end == after and m.type == "PERSON" for m in s.heads)
            else None
        )
        # A主席和B总统的会晤
        gap = gap[post.end() :] if post is not None and gap.startswith("的", post.end()) else gap
        heads_of = re.match(
            r"(?:两国|双方|三国)?(?:国家)?(?:首脑|领导人|元首|总统|总理|首相|外长)", gap
        )
        if (
            not treaty_ends
        ):  # A和B的第N轮会谈, A和B这次…的会谈; A和B进行(结束)了N天的会谈: the talks' modifiers
            held = re.match(r"([^，。；了的]{0,8}?)(?:举行|进行|结束|开始)了?[^，。；]{0,16}$", gap)
            if held is not None and not _OTHER_TALK.search(
                held.group(1)
            ):  # not 商谈拟举行的会晤: a topic
                gap = held.group(1)
            gap = re.sub(r"^(?:的[^，。；的]{0,6}|[^，。；的]{0,10}的)$", "", gap)
        if (
            re.search(r"的|分别(?!代表)", gap)
            or _WITH.search(gap)
            or len(gap) > 40
            or (treaty_ends and _TREATY.search(s.text[t1 : clause[1]]))
        ):
            return []  # 分别签署: each signed on their own; A、B都与某中心签订: with an unnamed partner
        group = s.subject(clause, after, types) or s.list_ending(clause, after, types)
        if any(s._post_unnamed(m) for m in group) or (
            heads_of and all(m.type != "PERSON" for m in group)
        ):
            return []  # 甲院和乙会两院议长的会谈, 甲国和乙国两国总理举行会晤: their unnamed heads
        if not _parties_fit(s, group, t1, clause[1]):
            return []  # four leaders who sign one text do not sign with each other
        return [(a, b, None) for i, a in enumerate(group) for b in group[i + 1 :]]

    def _objects(self, s: _Sentence, clause, t1: int, types: tuple[str, ...], led) -> list[_Arg]:
        """The parties right after the trigger: 会见了A、B和C, 会见了由A率领的B代表团, 会见了A，以及B."""
        text = s.text
        start = next(
            (
                p
                for p in self._object_starts(text, t1, clause)
                if self._object_at(s, clause, t1, p, led)
            ),
            None,
        )
        if start is None:
            return []
        end = clause[1]
        nxt = s.clause_of(end + 1) if end < len(text) else None
        also = None
        if nxt is not None and text[nxt[0] :].startswith(("以及", "及")):
            end = nxt[1]  # 会见了A，以及B
            also = s.head_from(nxt[0] + (2 if text.startswith("以及", nxt[0]) else 1))
        first = next(
            (
                m
                for m in s.heads
                if start <= m.start and m.end <= end and _party(text, m, types, led)
            ),
            None,
        )
        # none: 会晤了甲国领导人，…: an unnamed guest, and no party of a later clause
        first = _guest_named(s, first, types, led) if first is not None else None
        if first is None:
            return []
        guests = s.listed(first, end, types + ("LOC",))
        if also is not None and also.start > guests[-1].end:
            # 会见了A和夫人，以及B会的全体成员: B after a list 和夫人 ends
            guests += s.listed(also, end, types + ("LOC",))
        if guests[-1].end == end:
            guests += self._guests_after_comma(s, guests[-1])
        if (
            len(guests) > 1
            and not _MEMBERS.match(text, guests[-1].end)
            and (
                _unnamed(text, guests[-1].end)
                or re.match(r"的?(?:高级|主要|有关)?(?:官员|负责人)", text[guests[-1].end :])
            )
        ):
            return []  # 接见甲党、乙会的高级官员: the bodies' unnamed officials
        # 会见甲国陆军总司令: the post's holder, unnamed, is met (but a body stands for its members)
        return [
            m
            for m in guests
            if _party(text, m, types, led)
            and not (s._post_unnamed(m) and not _MEMBERS.match(text, m.end))
        ]

    @staticmethod
    def _guests_after_comma(s: _Sentence, last: _Arg) -> list[_Arg]:
        """会见了甲会会长A、副会长B，乙校校长C、D等华侨代表: more posts and names after a comma, up
        to a kind of people (等…代表), go on with the guests."""
        out: list[_Arg] = []
        while s.text.startswith("，", last.end):
            clause = s.clause_of(last.end + 1)
            heads = [h for h in s.heads if clause[0] <= h.start and h.end <= clause[1]]
            if not heads or heads[0].type != "PERSON" or s.chain_start[heads[0].start] != clause[0]:
                break
            group = s.listed(heads[0], clause[1], ("PERSON",))
            tail = s.text[group[-1].end : clause[1]]
            if len(group) != len(
                [h for h in heads if h.end <= group[-1].end]
            ) or not _GUESTS_KIND.fullmatch(tail):
                break
            out += group
            last = group[-1]
            if tail:
                break
        return out if s.text.startswith("等", last.end) else []

    @staticmethod
    def _object_starts(text: str, t1: int, clause) -> list[int]:
        """Where the object may start: right after the verb, or after a relative clause that ends in
        的 (会见了来京参加某研讨会的甲国部长助理A)."""
        # the first 的: 访问的A及其率领的B
        near = re.match(r"(?:了|过)?[^，。；]{0,24}?的", text[t1 : clause[1]])
        far = re.match(r"(?:了|过)?[^，。；]{0,24}的", text[t1 : clause[1]])
        # 会见并款待了A: a second verb joined by 并
        also = re.match(r"并[\u4e00-\u9fff]{1,2}了", text[t1 : clause[1]])
        return [t1] + sorted({t1 + m.end() for m in (near, far, also) if m is not None})

    @staticmethod
    def _object_at(s: _Sentence, clause, t1: int, start: int, led) -> bool:
        """Whether a party starts at ``start``, after no more than 了, a short relative clause, a post
        or 驻 (会见了即将回国的我国驻甲国大使A)."""
        after = next(
            (m for m in s.heads if start <= m.start and m.end <= clause[1] and not _in(m, led)),
            None,
        )
        if after is None:
            return False
        gap = s.text[start : s.chain_start[after.start]]
        short = re.fullmatch(r"(?:了|过)?(?:[^，。；向在对于从给把中时后]{0,10}的)?", gap)
        return (
            bool(short) or gap in ("我国驻", "驻") or _ends_in_title(gap) or _in_led(t1, after, led)
        )

    @staticmethod
    def _built_later(s: _Sentence, clause) -> list[_Arg]:
        """What an investment with its amount went into, named in one of the next two clauses by a
        verb of building or founding (投资N万元，征用荒山，创办了A; 投资N元，新修A、B)."""
        for nxt in s.clauses_after(clause)[:2]:
            built = _BUILT_LATER.search(s.text, nxt[0], nxt[1])
            rel = (
                re.match(r"[^，。；]{0,20}的", s.text[built.end() : nxt[1]])
                if built is not None
                else None
            )
            at = (
                {built.end(), built.end() + rel.end()}
                if rel is not None
                else {built.end()}
                if built is not None
                else set()
            )
            # 实施有…美誉的A工程
            first = next(
                (m for m in s.heads if m.start in at or s.chain_start.get(m.start) in at), None
            )
            if first is not None and first.type in _PLACES:
                return s.listed(first, nxt[1], _PLACES)
            if _trigger_re().search(s.text, nxt[0], nxt[1]):
                return []  # another event's clause
        return []

    @staticmethod
    def _built_right_after(s: _Sentence, rest: int) -> list[_Arg]:
        """What an investment builds, named right after its amount (投资N兴建A)."""
        built = _BUILT_LATER.match(s.text[rest:])
        after = next(
            (m for m in s.heads if built is not None and m.start == rest + built.end()), None
        )
        return [after] if after is not None and after.type in _PLACES else []

    def _invests(self, s: _Sentence, clause, t0: int, t1: int):
        text = s.text
        # 甲国对乙地的投资, 甲公司在乙地的实际投资
        nominal = re.search(
            r"[对在][^，,；;的]{1,12}的(?:实际|直接|累计|新增)?$", text[clause[0] : t0]
        )
        # after 甲公司在乙地的, its 投资总额 still states the investment (not a 投资额度, a quota)
        counted = nominal and re.match(r"(?:总额|额(?!度))", text[t1:])
        if (_NOT_INVEST_AFTER.match(text, t1) and not counted) or (
            re.search(r"[的和、]$", text[max(0, t0 - 1) : t0]) and not nominal
        ):
            return []
        amount_m = _AMOUNT.search(text, t1, min(clause[1], t1 + 16))
        lead = text[t1 : amount_m.start()] if amount_m is not None else ""
        amount = (
            amount_m.group()
            if amount_m is not None and (len(lead) <= 4 or _AMOUNT_LEAD.fullmatch(lead))
            else None
        )
        found = _invested_place(s, clause, t0, amount)
        if found.done is not None:
            return found.done
        rest = amount_m.end() if amount else t1  # where what the money builds may be named
        targets = found.targets
        if not targets:
            targets = self._built_targets(s, clause, t0, rest, amount=bool(amount))
        else:
            targets += self._built_right_after(s, rest)  # 在甲地投资N兴建乙: both
        investors, targets = _invested_by(s, clause, t0, t1, targets)
        if investors is None:
            return []
        if not investors:
            investors = _relative(
                s, clause, t1 if amount_m is None or not amount else amount_m.end()
            )
        if investors is None and nominal is not None:
            # the owner of the noun
            investors = s.list_ending(clause, clause[0] + nominal.start(), _PARTIES) or None
        if investors is None:
            investors = _with_partners(
                s, clause, s.subject(clause, found.subject_end, _PARTIES), t0
            )
        targets = [b for b in targets if not _kind_after(text, b)]
        return [(a, b, amount) for a in investors for b in targets]

    def _built_targets(self, s: _Sentence, clause, t0: int, rest: int, *, amount: bool) -> list:
        """No place is invested in before the verb: what the money builds after it (投资N兴建A,
        投资4500万美元在A大学建立B研究所, 投资N万元，建成A中心), else the place gone to."""
        text = s.text
        targets: list[_Arg] = []
        after = next((m for m in s.heads if m.start >= rest and m.end <= clause[1]), None)
        # 投资兴建的甲市乙大厦: the built thing with its qualifiers
        gap = text[rest : s.chain_start[after.start]] if after is not None else ""
        built = _BUILT_IN.match(text, rest, clause[1])  # 投资4500万美元在A大学建立B研究所
        if built is None and rest >= clause[1] - 1:  # 投资N万元，建成A中心
            built = _BUILT_NEXT.match(text, clause[1])
        if built is not None:
            after = next((m for m in s.heads if m.start == built.end()), None)
            gap = ""
            if after is None and built.group().lstrip("了于").startswith("在"):
                # 投资N在A建立一个实验室: what is built has no name, the place invested in has
                first = s.head_from(built.start() + built.group().index("在") + 1)
                if first is not None and first.type in _PLACES:
                    targets = s.listed(first, built.end(), _PLACES)  # 在A、B等县修建
        if (
            after is not None
            and after.type in _PLACES
            and re.fullmatch(r"(?:了|于)?" + _BUILDS + r"?(?:了|的)?", gap)
        ):
            targets = s.listed(after, clause[1], _PLACES)  # 入股甲银行和乙银行: each
        if not targets and amount and rest >= clause[1] - 1:
            targets = self._built_later(s, clause)  # 投资N万元，征用荒山，创办了A农庄
        if not targets and not s.heads_in(clause[0], t0, _PARTIES):
            targets = _gone_to(s, clause)  # 到甲乡从事…，累计投资N万元
        return targets


# Between what is built and 由 its investor (甲中心就是由A投资的): adverbs and a copula only.
_BEFORE_BY = re.compile(r"(?:就|也|将|已|已经|主要|全部|均)?(?:是)?")


def _built(arg: _Arg | None) -> bool:
    """A body, project or building: what an investment by 由 builds."""
    return arg is not None and (
        arg.type in ("ORG", "PROJECT") or _BUILDING.search(arg.text) is not None
    )


_FINDER: RelationFinder | None = None


def find_relations(
    extraction: Extraction, model_names: Sequence[tuple[int, int, str, str]] = ()
) -> list[Relation]:
    global _FINDER
    if _FINDER is None:
        _FINDER = RelationFinder()
    return _FINDER.find(extraction, model_names)
