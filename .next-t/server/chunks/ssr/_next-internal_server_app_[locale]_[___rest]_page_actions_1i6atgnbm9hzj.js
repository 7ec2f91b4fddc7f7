module.exports=[40629,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%5Blocale%5D_%5B___rest%5D_page_actions_1i6atgnbm9hzj.js.map