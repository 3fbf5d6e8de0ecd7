const NAME = /^[A-Za-z0-9_]{1,64}$/;
/**
 * Label values for operation names with bounded cardinality: a name is kept only if it is a plain
 * identifier of at most 64 characters (else "anonymous"), and only the first `maxNames` distinct names
 * get a series of their own (later ones become "other"), so a client inventing names cannot grow the
 * registry without end.
 */
export class OperationLabels {
    maxNames;
    seen = new Set();
    constructor(maxNames = 500) {
        this.maxNames = maxNames;
    }
    name(operationName) {
        if (!operationName || !NAME.test(operationName))
            return 'anonymous';
        if (this.seen.has(operationName))
            return operationName;
        if (this.seen.size >= this.maxNames)
            return 'other';
        this.seen.add(operationName);
        return operationName;
    }
}
/** An error code as a label: the stable codes are upper-case identifiers; anything else is "OTHER". */
export const codeLabel = (code) => (typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'OTHER');
//# sourceMappingURL=operation-labels.js.map