package org.qinglang.casefile;

/** Offences a case worker may name when flagging a criminal lead at verification (涉嫌罪名). */
public enum CriminalOffence {
    /** 诽谤 */
    DEFAMATION,
    /** 敲诈勒索 */
    EXTORTION,
    /** 损害商业信誉、商品声誉 */
    DAMAGING_BUSINESS_REPUTATION,
    /** 寻衅滋事 */
    PICKING_QUARRELS,
    /** 非法经营 */
    ILLEGAL_BUSINESS,
    /** 编造、故意传播虚假信息 */
    FABRICATING_FALSE_INFORMATION,
    /** 其他 */
    OTHER
}
