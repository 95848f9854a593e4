# language: zh-CN
功能: 中文
  场景: 场景一
    假如 有
    那么 无
