export {};
//# sourceMappingURL=cart-view.js.map