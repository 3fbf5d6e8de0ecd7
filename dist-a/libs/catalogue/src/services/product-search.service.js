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
import { LISTED_VARIANTS_OF } from './listed-variant.js';
/** What a listing shows of a product: ProductEntity's fields but its creation time. */
const PRODUCT_COLUMNS = 'id, slug, name, description, brand, category, images';
/**
 * The catalogue listing: keyset pagination over (name, id), full-text word search on names through the
 * GIN index, category, and "available at this location" as an EXISTS over stock levels. Plain SQL: the
 * two queries of a page built by TypeORM's query builder cost more server CPU than PostgreSQL spent on
 * them (measured with bench/). One statement per page, count and variants included: on this machine a
 * round trip to PostgreSQL (a socket write, a wake-up) cost more of the API's CPU than reading the rows.
 */
let ProductSearchService = class ProductSearchService {
    tx;
    constructor(tx) {
        this.tx = tx;
    }
    async search(first, after, filter = {}, extras = {}) {
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
        if (after) {
            const [name, id] = decodeCursor(after, 2);
            if (typeof name !== 'string' || typeof id !== 'string' || !isUuid(id))
                throw badInput('after: not a cursor this API issued', ['after']);
            where.push(`(p.name, p.id) > (${param(name)}, ${param(id)}::uuid)`);
        }
        const paged = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const page = `SELECT ${PRODUCT_COLUMNS} FROM product p ${paged} ORDER BY p.name, p.id LIMIT ${param(limit + 1)}`;
        const variants = extras.variants ? `, ${LISTED_VARIANTS_OF('pg')} AS variants` : '';
        // The count's parameters are the first ones of the page's: both can share them. Joined from the
        // count, an empty page is still one row, carrying the count and null columns.
        const sql = extras.totalCount
            ? `SELECT c.total AS "totalCount", pg.*${variants} FROM (SELECT count(*)::int AS total FROM product p ${filtered}) c
         LEFT JOIN LATERAL (${page}) pg ON true ORDER BY pg.name, pg.id`
            : `SELECT pg.*${variants} FROM (${page}) pg ORDER BY pg.name, pg.id`;
        const found = await this.tx.manager.query(sql, params);
        const products = found[0]?.id === null ? [] : found;
        const rows = products.slice(0, limit).map(({ totalCount: _, variants: v, ...product }) => ({ cursor: encodeCursor([product.name, product.id]), product, ...(extras.variants ? { variants: v ?? [] } : {}) }));
        return { totalCount: extras.totalCount ? (found[0]?.totalCount ?? 0) : null, hasNextPage: products.length > limit, rows };
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