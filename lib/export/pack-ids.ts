// The platforms with a Pro export pack, for pages that list them without loading the builders.
export const PRO_PACK_IDS = ["elastic", "splunk", "sentinel", "defender-xdr", "secops", "logscale"] as const;
