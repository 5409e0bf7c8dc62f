// A Vue 3 host app (bundled by tests/page/frameworks.mjs with esbuild; `vue` is
// vue/dist/vue.esm-bundler.js, which carries the template compiler). Its template
// (vue-app.html) is either compiled ahead in node as a build step does (@vue/compiler-dom with
// `isCustomElement`, what @vitejs/plugin-vue passes on) or at run time here, with
// `app.config.compilerOptions.isCustomElement`. Attributes are bound to Vue state (Vue sets a
// property when the element has one), with `@cogov-select` and `@cogov-change` listeners.
import { createApp, ref } from 'vue';
import { render, template } from 'virtual:vue-template'; // written by frameworks.mjs

const app = createApp({
  setup() {
    const lang = ref('en');
    const month = ref('2026-07');
    const picked = ref([]);
    const onSelect = (e) => {
      picked.value.push(`${e.detail.kind}:${e.detail.id}`);
      if (e.detail.kind === 'proposal') e.preventDefault(); // the host shows the proposal itself
    };
    const onChange = (e) => picked.value.push(`change:${e.detail.name}=${e.detail.value}`);
    return { lang, month, picked, onSelect, onChange };
  },
  ...(render ? { render } : { template }),
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('cogov-');
app.mount('#app');
