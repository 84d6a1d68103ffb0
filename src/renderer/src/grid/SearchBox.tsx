import { Input } from 'antd';
import { memo, useState } from 'react';

/**
 * The quick search box: its text is its own state, each change goes to `onChange` (the grid filters at once).
 * A remembered search to start from is given as a new `key` (the box starts again with it).
 */
export const SearchBox = memo(function SearchBox(props: { start: string; onChange: (text: string) => void }) {
  const [text, setText] = useState(props.start);
  return (
    <Input.Search
      allowClear
      placeholder="快速搜索（名称、代码、金额…）"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(e.target.value);
      }}
      // Wide enough for the whole hint (at 260 px it was cut to 快速搜索（名称、代码、金…).
      style={{ width: 300 }}
      data-testid="quick-search"
    />
  );
});
