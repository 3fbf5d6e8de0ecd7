var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { badInput, decodeCursor, encodeCursor, isUuid, pageSize, TransactionHost } from '../../../common/src/index.js';
import { ProductFilter } from '../dto/product-filter.input.js';
import { ProductEntity } from '../entities/product.entity.js';
/** What a listing shows of a product: ProductEntity's fields but its creation time. */
const PRODUCT_COLUMNS = 'id, slug, name, description, brand, category, images';
/**
 * The catalogue listing: keyset pagination over (name, id), full-text word search on names through the
 * GIN index, category, and "available at this location" as an EXISTS over stock levels. Plain SQL: the
 * two queries of a page built by TypeORM's query builder cost more server CPU than PostgreSQL spent on
 * them (measured with bench/).
 */
let ProductSearchService = class ProductSearchService {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    async search(first, after, filter = {}) {
        const limit = pageSize(first);
        const where = [];
        const params = [];
        const param = (v) => `$${params.push(v)}`;
        const query = toTsQuery(filter.search);
        if (query)
            where.push(`p.search_vector @@ to_tsquery('simple', ${param(query)})`);
        if (filter.category)
            where.push(`p.category = ${param(filter.category.trim().toLowerCase())}`);
        if (filter.availableAt) {
            // Stock lives in the inventory domain; this read-only EXISTS is the one place the catalogue looks at it.
            where.push(`EXISTS (SELECT 1 FROM product_variant v JOIN stock_level sl ON sl.variant_id = v.id
        WHERE v.product_id = p.id AND sl.location_id = ${param(filter.availableAt)} AND sl.on_hand > sl.reserved)`);
        }
        const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const countParams = [...params];
        if (after) {
            const [name, id] = decodeCursor(after, 2);
            if (typeof name !== 'string' || typeof id !== 'string' || !isUuid(id))
                throw badInput('after: not a cursor this API issued', ['after']);
            where.push(`(p.name, p.id) > (${param(name)}, ${param(id)}::uuid)`);
        }
        const paged = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const limitParam = param(limit + 1);
        const [found, [{ count }]] = await Promise.all([
            this.tx.manager.query(`SELECT ${PRODUCT_COLUMNS} FROM product p ${paged} ORDER BY p.name, p.id LIMIT ${limitParam}`, params),
            this.tx.manager.query(`SELECT count(*)::int AS count FROM product p ${filtered}`, countParams),
        ]);
        const rows = found.slice(0, limit).map((product) => ({ cursor: encodeCursor([product.name, product.id]), product }));
        return { totalCount: count, hasNextPage: found.length > limit, rows };
    }
};
ProductSearchService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [TransactionHost])
], ProductSearchService);
export { ProductSearchService };
/** "trench nav" → 'trench:* & nav:*': every word must match, prefixes allowed. Letters and digits only. */
export function toTsQuery(search) {
    const words = (search ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 10);
    return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
//# sourceMappingURL=product-search.service.js.map